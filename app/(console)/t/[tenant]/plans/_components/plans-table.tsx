"use client";

import Link from "next/link";
import type { PlansPage } from "@/lib/services/plans";
import { LinkPending } from "./link-pending";

export function PlansTable({ tenantId, page, busy, onPage }: { tenantId: string; page: PlansPage; busy: boolean; onPage: (n: number) => void }) {
  return (
    <div className="mt-4" aria-busy={busy}>
      <table className="w-full border-collapse overflow-hidden rounded border border-slate-300 bg-white text-sm">
        <caption className="sr-only">Materialization plans</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              Plan
            </th>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Granularity
            </th>
            <th scope="col" className="px-3 py-2">
              Refresh
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Partitions
            </th>
            <th scope="col" className="px-3 py-2">
              Latest partition
            </th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
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
