"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { PlanHistory } from "@/components/audit/plan-history";
import { RevertButton } from "./revert-button";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import { queryKeys } from "@/lib/query-keys";
import type { PlanCalendar, PlanTitle } from "@/lib/services/plan-calendar-types";
import { CalendarPanel } from "./calendar-panel";
import { FullRefreshPanel } from "./full-refresh-panel";
import { ReadOnlyPartitions } from "./read-only-partitions";
import { PlanDetailsCard } from "./plan-details-card";
import { BackToPlans, PlanHeading } from "./plan-heading";
import { useReadOnlyReason } from "./read-only-reason";
import { ReadAge } from "./read-age";

const noSubscription = () => () => undefined;

/**
 * `initialYear` / `initialSel`: the URL's `year` and `sel` when the page was requested (the calendar starts there).
 * `title`: the plan's names from CAN's plan read, shown even when its partition list cannot be read.
 */
export function PlanScreen({
  tenantId,
  uuid,
  title,
  refreshSeconds,
  canMark,
  initialYear,
  initialSel,
}: {
  tenantId: string;
  uuid: string;
  title: PlanTitle | null;
  refreshSeconds: number;
  canMark: boolean;
  initialYear: string | null;
  initialSel: string | null;
}) {
  // Reload and Retry read CAN anew; the background refresh and other reads take the read this
  // instance shares between its requests (a few seconds old at most).
  const t = useTranslations("plan");
  const freshNext = useRef(false);
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.plan(tenantId, uuid),
    queryFn: () => {
      const fresh = freshNext.current;
      freshNext.current = false;
      return fetchResult<PlanCalendar>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(uuid)}${fresh ? "?fresh=1" : ""}`);
    },
    // Read again while the page is on screen (never in a hidden tab); the calendar keeps its year and selection.
    refetchInterval: refreshSeconds * 1000,
    refetchIntervalInBackground: false,
  });
  // The last calendar read: a later read that fails is shown above it rather than in its place.
  const [lastGood, setLastGood] = useState<PlanCalendar | null>(null);
  if (data?.ok && data.data !== lastGood) setLastGood(data.data);
  const calendar = data?.ok ? data.data : lastGood;
  useHistoryFollowsOutsideChanges(tenantId, uuid, calendar ? (calendar.outsideChanges[0]?.eventId ?? null) : undefined);
  // Marks the page interactive once React has hydrated it (tests and the bench wait for this).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const failure = data && !data.ok ? data.error : null;
  const readOnlyReason = useReadOnlyReason(calendar);
  const top = (
    <>
      <a
        href="#calendar"
        onClick={skipToCalendar}
        className="sr-only rounded bg-white px-2 py-1 text-blue-800 underline focus:not-sr-only focus:absolute focus:z-50"
      >
        {t("skip")}
      </a>
      <BackToPlans tenantId={tenantId} />
    </>
  );
  const history = (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-lg font-semibold">
        {t("historyHeading")}
      </h2>
      <PlanHistory
        tenantId={tenantId}
        planUuid={uuid}
        limit={20}
        revertButton={canMark ? (markId) => <RevertButton tenantId={tenantId} markId={markId} /> : undefined}
      />
    </section>
  );
  const retry = () => {
    freshNext.current = true;
    void refetch();
  };
  if (!data) return <PlanReading title={title} />;
  if (!calendar && failure) {
    return (
      <div className="space-y-4" data-hydrated={hydrated}>
        {top}
        <PlanHeading displayName={title?.displayName ?? t("untitled", { uuid })} name={title?.name ?? null} />
        <ErrorPanel title={t("loadFailed")} error={failure} onRetry={retry} retrying={isFetching} />
        {history}
      </div>
    );
  }
  if (!calendar) return <PlanReading title={title} />;
  return (
    <div className="space-y-4" data-hydrated={hydrated}>
      {top}
      <PlanHeading displayName={calendar.plan.displayName} name={calendar.plan.name}>
        <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{calendar.plan.materializeType}</span>
        {calendar.plan.granularity && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold">{calendar.plan.granularity}</span>}
        <p className="ml-auto text-xs text-slate-600" data-testid="read-status">
          {isFetching ? (
            <span role="status">{t("reading")}</span>
          ) : (
            t.rich("readStatus", { age: () => <ReadAge readAt={calendar.readAt} />, listed: calendar.listedCount, pages: calendar.pagesFetched })
          )}{" "}
          <button type="button" className="ml-1 underline" onClick={retry} disabled={isFetching}>
            {t("reload")}
          </button>
        </p>
      </PlanHeading>
      {failure && <ErrorPanel title={t("staleRead")} error={failure} onRetry={retry} retrying={isFetching} />}
      {calendar.unreadableValues.length > 0 && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {t("unreadable", {
            count: calendar.unreadableValues.length,
            granularity: calendar.plan.granularity ?? "—",
            values: calendar.unreadableValues.slice(0, 5).join(", "),
          })}
        </p>
      )}
      {calendar.disagreements.length > 0 && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {t("disagreements", { count: calendar.disagreements.length })}
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
        <div id="calendar" tabIndex={-1}>
          <FullRefreshPanel tenantId={tenantId} calendar={calendar} canMark={canMark} />
        </div>
      ) : (
        <div id="calendar" tabIndex={-1} className="space-y-4">
          <p role="note" className="rounded border border-slate-300 bg-white p-3 text-sm">
            {t("readOnlyNote", { reason: readOnlyReason ?? "" })}
          </p>
          <ReadOnlyPartitions calendar={calendar} />
        </div>
      )}
      {history}
      <PlanDetailsCard calendar={calendar} />
    </div>
  );
}

/** The skip link lands on the calendar's own tab stop (the latest partition), so arrows work at once. */
function skipToCalendar(e: MouseEvent<HTMLAnchorElement>): void {
  const target = document.querySelector<HTMLElement>('#calendar button[data-key][tabindex="0"], #calendar[tabindex="-1"]');
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/** Before the first answer (the server normally renders one): the same words as the route's loading state. */
function PlanReading({ title }: { title: PlanTitle | null }) {
  const t = useTranslations("plan");
  return (
    <div className="space-y-4">
      {title && <PlanHeading displayName={title.displayName} name={title.name} />}
      <p role="status">{t("reading")}</p>
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
