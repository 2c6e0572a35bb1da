"use client";

import Link from "next/link";
import type { PlansPage } from "@/lib/services/plans";
import { DataTable } from "@/components/data-table";
import { LinkPending } from "./link-pending";

export function PlansTable({ tenantId, page, busy, onPage }: { tenantId: string; page: PlansPage; busy: boolean; onPage: (n: number) => void }) {
  return (
    <div className="mt-4" aria-busy={busy}>
      <DataTable
        label="Materialization plans"
        look="boxed"
        columns={[
          { label: "Plan" },
          { label: "Name" },
          { label: "Type" },
          { label: "Granularity" },
          { label: "Refresh" },
          { label: "Partitions", className: "text-right" },
          { label: "Latest partition" },
        ]}
      >
        {page.items.map((p) => (
          <tr key={p.uuid} className="border-t border-slate-200">
            <td className="px-3 py-2">
              <Link
                className="font-medium text-blue-800 underline-offset-2 hover:underline"
                href={`/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(p.uuid)}`}
              >
                {p.displayName}
                <LinkPending />
              </Link>
              {p.problem && <p className="text-xs text-red-800">Details unavailable: {p.problem}</p>}
            </td>
            <td className="px-3 py-2 font-mono text-xs">{p.name}</td>
            <td className="px-3 py-2">{p.materializeType}</td>
            <td className="px-3 py-2">{p.granularity ?? "—"}</td>
            <td className="px-3 py-2">{p.isFullRefresh === null ? "—" : p.isFullRefresh ? "Full" : "Incremental"}</td>
            <td className="px-3 py-2 text-right tabular-nums">{p.partitionCount ?? "—"}</td>
            <td className="px-3 py-2 tabular-nums">{p.latestPartition ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label="Pagination" className="mt-3 flex items-center gap-3 text-sm">
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-2 py-1 disabled:opacity-50"
          disabled={page.page <= 1}
          onClick={() => onPage(page.page - 1)}
        >
          Previous
        </button>
        <span>
          Page {page.page} of {page.pageCount} · {page.total} plan{page.total === 1 ? "" : "s"}
        </span>
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-2 py-1 disabled:opacity-50"
          disabled={page.page >= page.pageCount}
          onClick={() => onPage(page.page + 1)}
        >
          Next
        </button>
      </nav>
    </div>
  );
}
