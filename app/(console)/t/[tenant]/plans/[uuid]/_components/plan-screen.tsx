"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { PlanHistory } from "@/components/audit/plan-history";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import { queryKeys } from "@/lib/query-keys";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { CalendarPanel } from "./calendar-panel";
import { FullRefreshPanel } from "./full-refresh-panel";
import { ReadOnlyPartitions } from "./read-only-partitions";
import { PlanDetailsCard } from "./plan-details-card";

const noSubscription = () => () => undefined;

/** `initialYear` / `initialSel`: the URL's `year` and `sel` when the page was requested (the calendar starts there). */
export function PlanScreen({
  tenantId,
  uuid,
  canMark,
  initialYear,
  initialSel,
}: {
  tenantId: string;
  uuid: string;
  canMark: boolean;
  initialYear: string | null;
  initialSel: string | null;
}) {
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.plan(tenantId, uuid),
    queryFn: () => fetchResult<PlanCalendar>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(uuid)}`),
  });
  useHistoryFollowsOutsideChanges(tenantId, uuid, data?.ok ? (data.data.outsideChanges[0]?.eventId ?? null) : undefined);
  // Marks the page interactive once React has hydrated it (tests and the bench wait for this).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const back = (
    <Link href={`/t/${encodeURIComponent(tenantId)}/plans`} className="text-sm text-blue-800 hover:underline">
      ← All plans
    </Link>
  );
  if (!data) return <p role="status">Loading plan…</p>;
  if (!data.ok) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">Plan {uuid}</h1>
        <ErrorPanel title="The plan could not be loaded" error={data.error} onRetry={() => void refetch()} retrying={isFetching} />
      </div>
    );
  }
  const calendar = data.data;
  return (
    <div className="space-y-4" data-hydrated={hydrated}>
      {back}
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{calendar.plan.displayName}</h1>
        <span className="font-mono text-sm text-slate-600">{calendar.plan.name}</span>
        <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{calendar.plan.materializeType}</span>
        {calendar.plan.granularity && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{calendar.plan.granularity}</span>}
        <p className="ml-auto text-xs text-slate-600" aria-live="polite">
          {isFetching
            ? "Reading CAN…"
            : `Read from CAN at ${new Date(calendar.readAt).toLocaleTimeString()} · ${calendar.listedCount} listed · ${calendar.pagesFetched} page${calendar.pagesFetched === 1 ? "" : "s"}`}{" "}
          <button type="button" className="ml-1 underline" onClick={() => void refetch()} disabled={isFetching}>
            Reload
          </button>
        </p>
      </div>
      {calendar.unreadableValues.length > 0 && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          CAN listed {calendar.unreadableValues.length} value(s) that are not {calendar.plan.granularity} partitions and are not drawn:{" "}
          {calendar.unreadableValues.slice(0, 5).join(", ")}
        </p>
      )}
      {calendar.disagreements.length > 0 && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {calendar.disagreements.length} partition(s) are shown as Unknown because CAN and this console&apos;s record disagree; hover one for details.
        </p>
      )}
      {calendar.mode.kind === "grid" ? (
        <CalendarPanel
          tenantId={tenantId}
          calendar={calendar}
          g={calendar.mode.granularity}
          canMark={canMark}
          initialYear={initialYear}
          initialSel={initialSel}
        />
      ) : calendar.mode.kind === "full-refresh" ? (
        <FullRefreshPanel tenantId={tenantId} calendar={calendar} canMark={canMark} />
      ) : (
        <>
          <p role="note" className="rounded border border-slate-300 bg-white p-3 text-sm">
            Read-only: {calendar.readOnlyReason}
          </p>
          <ReadOnlyPartitions calendar={calendar} />
        </>
      )}
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History of changes
        </h2>
        <PlanHistory tenantId={tenantId} planUuid={uuid} limit={20} />
      </section>
      <PlanDetailsCard calendar={calendar} />
    </div>
  );
}

/**
 * A read of CAN's list can record a change seen from outside the console: when the newest such
 * event differs from the one the page last showed, the history is fetched again to list it.
 */
function useHistoryFollowsOutsideChanges(tenantId: string, uuid: string, newestEventId: string | null | undefined): void {
  const queryClient = useQueryClient();
  const shown = useRef(newestEventId);
  useEffect(() => {
    if (newestEventId === undefined || newestEventId === shown.current) return;
    shown.current = newestEventId;
    void queryClient.invalidateQueries({ queryKey: queryKeys.planHistory(tenantId, uuid) });
  }, [queryClient, tenantId, uuid, newestEventId]);
}
