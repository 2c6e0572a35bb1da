"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import type { PlanHistoryEntry } from "@/lib/audit/query";
import { queryKeys } from "@/lib/query-keys";
import { Time, ZoneName } from "@/components/time/time";
import { OUTCOME_STYLE, useAuditWords } from "./labels";
import { ObservedWhen } from "./time-phrases";
import { DataTable } from "@/components/data-table";
import type { ReactNode } from "react";
import { RevertLinksView } from "./revert-links";

/**
 * A plan's audit history, newest first, changes seen from outside the console included. Reads
 * through GET /api/t/[tenant]/plans/[uuid]/history (plans:read); invalidate
 * `queryKeys.planHistory(tenantId, planUuid)` after a mark to refresh it.
 */
export function PlanHistory({
  tenantId,
  planUuid,
  limit = 50,
  revertButton,
}: {
  tenantId: string;
  planUuid: string;
  limit?: number;
  /** Revert for a mark, given by pages whose viewer may mark (ADR 0029). */
  revertButton?: (markId: string) => ReactNode;
}) {
  const t = useTranslations("planHistory");
  const words = useAuditWords();
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.planHistory(tenantId, planUuid),
    queryFn: () => fetchResult<PlanHistoryEntry[]>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(planUuid)}/history?limit=${limit}`),
  });
  if (!data)
    return (
      <p role="status" className="text-slate-600">
        {t("loading")}
      </p>
    );
  if (!data.ok) return <ErrorPanel title={t("loadFailed")} error={data.error} onRetry={() => void refetch()} retrying={isFetching} />;
  if (data.data.length === 0)
    return (
      <p role="status" className="text-slate-700">
        {t("empty")}
      </p>
    );
  return (
    <DataTable
      label={t("label")}
      columns={[
        { label: t.rich("when", { zone: () => <ZoneName /> }) },
        { label: t("who") },
        { label: t("change") },
        { label: t("partitions") },
        { label: t("outcome") },
      ]}
    >
      {data.data.map((e) => (
        <tr key={e.id} className="border-b border-slate-200 align-top">
          <td className="whitespace-nowrap p-2 font-mono text-xs">
            <Time iso={e.at} />
          </td>
          <td className="p-2">{words.actor(e.actor, e.actorKind)}</td>
          <td className="p-2">
            {words.action(e.action)}
            {e.interval && <ObservedWhen interval={e.interval} />}
          </td>
          <td className="p-2">
            {words.ranges(e.ranges)}
            {e.partitionCount ? <span className="text-slate-600"> ({e.partitionCount})</span> : null}
          </td>
          <td className="p-2">
            <span className={`inline-block rounded border px-1.5 py-0.5 text-xs ${OUTCOME_STYLE[e.outcome ?? ""] ?? ""}`}>
              {words.outcome(e.outcome, e.pending)}
            </span>
            {e.outcomeDetail?.errorMsg && (
              <div className="mt-1 text-xs" data-can>
                {e.outcomeDetail.errorMsg}
              </div>
            )}
            {e.outcomeDetail?.traceId && <div className="font-mono text-xs">traceId {e.outcomeDetail.traceId}</div>}
            {/* Recorded when it happened, in English like the rest of the log's data. */}
            {e.outcomeDetail?.reason && (
              <div className="mt-1 text-xs" lang="en">
                {e.outcomeDetail.reason}
              </div>
            )}
            <RevertLinksView links={e.revert} button={revertButton?.(e.id)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
