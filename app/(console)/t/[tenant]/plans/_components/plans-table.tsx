"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PlanOverview, PlansPage } from "@/lib/services/plans";
import { DataTable } from "@/components/data-table";
import { LinkPending } from "./link-pending";
import type { TableRow } from "./use-plans-health";

/** An extra first column (the bulk mark's selection, for roles that may mark): its heading and each row's cell. */
export type SelectColumn = { header: ReactNode; cell: (plan: PlanOverview) => ReactNode };

// On a phone the table keeps the plan, its selection box and its health (what an operator opens the
// page for); the details columns come back from the small breakpoint up, and scroll in the table's box.
const DETAIL = "hidden sm:table-cell";

export function PlansTable({
  tenantId,
  page,
  rows,
  busy,
  onPage,
  health,
  selectColumn,
}: {
  tenantId: string;
  page: PlansPage;
  /** The page's plans in the order to show (filtered and sorted by their health). */
  rows: readonly TableRow[];
  busy: boolean;
  onPage: (n: number) => void;
  /** The health column's cell for a plan (plan-health-cell.tsx). */
  health: (p: PlanOverview) => ReactNode;
  selectColumn?: SelectColumn | undefined;
}) {
  const t = useTranslations("plans.table");
  const reading = useTranslations("plans.health")("loading");
  const format = useFormatter();
  return (
    <div className="mt-4" aria-busy={busy}>
      <DataTable
        label={t("label")}
        look="boxed"
        columns={[
          ...(selectColumn ? [{ label: selectColumn.header, className: "w-8" }] : []),
          { label: t("plan") },
          { label: t("name"), className: DETAIL },
          { label: t("type"), className: DETAIL },
          { label: t("granularity"), className: DETAIL },
          { label: t("refresh"), className: DETAIL },
          { label: t("partitions"), className: `${DETAIL} text-right` },
          { label: t("latest"), className: DETAIL },
          { label: t("health") },
        ]}
      >
        {rows.map((p) => (
          <tr key={p.uuid} className="border-t border-slate-200">
            {selectColumn && <td className="px-3 py-2">{selectColumn.cell(p)}</td>}
            <td className="px-3 py-2">
              <Link
                className="font-medium text-blue-800 underline-offset-2 hover:underline"
                href={`/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(p.uuid)}`}
              >
                {p.displayName}
                <LinkPending />
              </Link>
              {p.problem !== undefined && <p className="text-xs text-red-800">{p.problem ? t("problem", { problem: p.problem }) : t("problemUnknown")}</p>}
            </td>
            <td className={`${DETAIL} px-3 py-2 font-mono text-xs`}>{p.name}</td>
            <td className={`${DETAIL} px-3 py-2`}>{p.materializeType}</td>
            <td className={`${DETAIL} px-3 py-2`}>{p.granularity ?? "—"}</td>
            <td className={`${DETAIL} px-3 py-2`}>{p.isFullRefresh === null ? "—" : p.isFullRefresh ? t("full") : t("incremental")}</td>
            <td className={`${DETAIL} px-3 py-2 text-right tabular-nums`}>
              {p.partitionsPending ? <Pending label={reading} /> : p.partitionCount === null ? "—" : format.number(p.partitionCount)}
            </td>
            <td className={`${DETAIL} px-3 py-2 tabular-nums`}>{p.partitionsPending ? <Pending label={reading} /> : (p.latestPartition ?? "—")}</td>
            <td className="px-3 py-2" data-testid="health-cell">
              {health(p)}
            </td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t("pagination")} className="mt-3 flex items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-2 py-1 disabled:opacity-50"
          disabled={page.page <= 1}
          onClick={() => onPage(page.page - 1)}
        >
          {t("previous")}
        </button>
        <span>{t("pageOf", { page: page.page, pageCount: page.pageCount, total: page.total })}</span>
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-2 py-1 disabled:opacity-50"
          disabled={page.page >= page.pageCount}
          onClick={() => onPage(page.page + 1)}
        >
          {t("next")}
        </button>
      </nav>
    </div>
  );
}

/** Read with the row's strip: an ellipsis on screen, the words for a screen reader. */
function Pending({ label }: { label: string }) {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">…</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
