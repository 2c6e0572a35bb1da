"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { orderRows } from "@/lib/health/order";
import type { PlansQuery } from "@/lib/plans-query";
import type { PlansPage } from "@/lib/services/plans";
import { BulkSelectAll, BulkSelectCell } from "./bulk/bulk-select";
import type { BulkSelection } from "./bulk/use-bulk-selection";
import { PlanHealthCell } from "./plan-health-cell";
import { PlansTable } from "./plans-table";
import { shownHealth, usePlansHealthRead, withHealthPartitions, type HealthRead } from "./use-plans-health";

const noSubscription = () => () => {};

type Props = {
  tenantId: string;
  page: PlansPage;
  query: PlansQuery;
  busy: boolean;
  /** Set for roles that may mark: the bulk mark's selection column. */
  selection: BulkSelection | null;
  onPage: (n: number) => void;
};

/**
 * The plans table with its health: filtered and sorted by it once read. `read` null: every strip is
 * still loading, the rows in CAN's order (this is also the Suspense fallback of `ReadHealthTable`).
 */
export function HealthTable({ tenantId, page, query, busy, selection, onPage, read }: Props & { read: HealthRead | null }) {
  const t = useTranslations("plans");
  const { shown, rowHealth } = shownHealth(page.items, read);
  const rows = orderRows(page.items, rowHealth, query.sort, query.attention === true).map((p) => withHealthPartitions(p, shown(p.uuid)));
  // Tests wait for this: the strips are server-rendered and show before React has hydrated them (links
  // and the strips' arrow keys answer only then). Inside the boundary, so it is the strips' own hydration.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <div data-hydrated={hydrated}>
      {rows.length === 0 && (
        <p role="status" className="mt-4 rounded border border-slate-300 bg-white p-4 text-slate-700">
          {t("noneNeedAttention")}
        </p>
      )}
      <PlansTable
        tenantId={tenantId}
        page={page}
        rows={rows}
        busy={busy}
        onPage={onPage}
        health={(p) => <PlanHealthCell tenantId={tenantId} plan={p} shown={shown(p.uuid)} />}
        selectColumn={
          selection
            ? { header: <BulkSelectAll rows={rows} selection={selection} />, cell: (p) => <BulkSelectCell plan={p} selection={selection} /> }
            : undefined
        }
      />
    </div>
  );
}

/** The same table once the page's health is read; suspends until then (the server started the read with the page). */
export function ReadHealthTable(props: Props & { uuids: readonly string[] }) {
  const read = usePlansHealthRead(props.tenantId, props.uuids);
  return <HealthTable {...props} read={read} />;
}
