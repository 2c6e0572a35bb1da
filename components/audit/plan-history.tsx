"use client";

import { useQuery } from "@tanstack/react-query";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import type { PlanHistoryEntry } from "@/lib/audit/query";
import { queryKeys } from "@/lib/query-keys";
import { Time, ZoneName } from "@/components/time/time";
import { actionLabel, actorLabel, OUTCOME_STYLE, outcomeLabel, rangesLabel } from "./labels";
import { ObservedWhen } from "./time-phrases";
import { DataTable } from "@/components/data-table";

/**
 * A plan's audit history, newest first, changes seen from outside the console included. Reads
 * through GET /api/t/[tenant]/plans/[uuid]/history (plans:read); invalidate
 * `queryKeys.planHistory(tenantId, planUuid)` after a mark to refresh it.
 */
export function PlanHistory({ tenantId, planUuid, limit = 50 }: { tenantId: string; planUuid: string; limit?: number }) {
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.planHistory(tenantId, planUuid),
    queryFn: () => fetchResult<PlanHistoryEntry[]>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(planUuid)}/history?limit=${limit}`),
  });
  if (!data)
    return (
      <p role="status" className="text-slate-600">
        Loading history…
      </p>
    );
  if (!data.ok) return <ErrorPanel title="The history could not be loaded" error={data.error} onRetry={() => void refetch()} retrying={isFetching} />;
  if (data.data.length === 0)
    return (
      <p role="status" className="text-slate-700">
        No change to this plan has been made or seen by this console yet.
      </p>
    );
  return (
    <DataTable
      label="Plan history"
      columns={[
        {
          label: (
            <>
              When (<ZoneName />)
            </>
          ),
        },
        { label: "Who" },
        { label: "Change" },
        { label: "Partitions" },
        { label: "Outcome" },
      ]}
    >
      {data.data.map((e) => (
        <tr key={e.id} className="border-b border-slate-200 align-top">
          <td className="whitespace-nowrap p-2 font-mono text-xs">
            <Time iso={e.at} />
          </td>
          <td className="p-2">{actorLabel(e.actor, e.actorKind)}</td>
          <td className="p-2">
            {actionLabel(e.action)}
            {e.interval && <ObservedWhen interval={e.interval} />}
          </td>
          <td className="p-2">
            {rangesLabel(e.ranges)}
            {e.partitionCount ? <span className="text-slate-600"> ({e.partitionCount})</span> : null}
          </td>
          <td className="p-2">
            <span className={`inline-block rounded border px-1.5 py-0.5 text-xs ${OUTCOME_STYLE[e.outcome ?? ""] ?? ""}`}>
              {outcomeLabel(e.outcome, e.pending)}
            </span>
            {e.outcomeDetail?.errorMsg && <div className="mt-1 text-xs">{e.outcomeDetail.errorMsg}</div>}
            {e.outcomeDetail?.traceId && <div className="font-mono text-xs">traceId {e.outcomeDetail.traceId}</div>}
            {e.outcomeDetail?.reason && <div className="mt-1 text-xs">{e.outcomeDetail.reason}</div>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
