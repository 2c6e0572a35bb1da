"use client";

import { useTranslations } from "next-intl";
import { isBulkSelectable } from "@/lib/marks/bulk";
import type { PlanOverview } from "@/lib/services/plans";
import type { BulkSelection } from "./use-bulk-selection";

// The plans table's selection column: a labelled checkbox per plan that can join a bulk mark (EXTERNAL,
// DAY or MONTH grid), and in the heading "select all on this page", which picks only those.

export function BulkSelectAll({ rows, selection }: { rows: readonly PlanOverview[]; selection: BulkSelection }) {
  const t = useTranslations("bulk.select");
  const selectable = rows.filter(isBulkSelectable);
  const picked = selectable.filter((r) => selection.selected.has(r.uuid)).length;
  if (selectable.length === 0) return <span className="sr-only">{t("column")}</span>;
  return (
    <label className="flex items-center gap-1">
      <input
        type="checkbox"
        className="h-4 w-4"
        checked={picked === selectable.length}
        ref={(el) => {
          if (el) el.indeterminate = picked > 0 && picked < selectable.length;
        }}
        onChange={(e) => selection.setPage(rows, e.target.checked)}
      />
      <span className="sr-only">{t("allOnPage", { count: selectable.length })}</span>
    </label>
  );
}

export function BulkSelectCell({ plan, selection }: { plan: PlanOverview; selection: BulkSelection }) {
  const t = useTranslations("bulk.select");
  if (!isBulkSelectable(plan)) return null;
  return (
    <label className="flex items-center">
      <input type="checkbox" className="h-4 w-4" checked={selection.selected.has(plan.uuid)} onChange={(e) => selection.toggle(plan, e.target.checked)} />
      <span className="sr-only">{t("one", { plan: plan.displayName })}</span>
    </label>
  );
}
