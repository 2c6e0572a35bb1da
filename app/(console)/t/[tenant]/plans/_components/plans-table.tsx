"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PlanOverview, PlansPage } from "@/lib/services/plans";
import { DataTable } from "@/components/data-table";
import { LinkPending } from "./link-pending";

/** An extra first column (the bulk mark's selection, for roles that may mark): its heading and each row's cell. */
export type SelectColumn = { header: ReactNode; cell: (plan: PlanOverview) => ReactNode };

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
  rows: readonly PlanOverview[];
  busy: boolean;
  onPage: (n: number) => void;
  /** The health column's cell for a plan (plan-health-cell.tsx). */
  health: (p: PlanOverview) => ReactNode;
  selectColumn?: SelectColumn | undefined;
}) {
  const t = useTranslations("plans.table");
  const format = useFormatter();
  return (
    <div className="mt-4" aria-busy={busy}>
      <DataTable
        label={t("label")}
        look="boxed"
        columns={[
          ...(selectColumn ? [{ label: selectColumn.header, className: "w-8" }] : []),
          { label: t("plan") },
          { label: t("name") },
          { label: t("type") },
          { label: t("granularity") },
          { label: t("refresh") },
          { label: t("partitions"), className: "text-right" },
          { label: t("latest") },
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
            <td className="px-3 py-2 font-mono text-xs">{p.name}</td>
            <td className="px-3 py-2">{p.materializeType}</td>
            <td className="px-3 py-2">{p.granularity ?? "—"}</td>
            <td className="px-3 py-2">{p.isFullRefresh === null ? "—" : p.isFullRefresh ? t("full") : t("incremental")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{p.partitionCount === null ? "—" : format.number(p.partitionCount)}</td>
            <td className="px-3 py-2 tabular-nums">{p.latestPartition ?? "—"}</td>
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
