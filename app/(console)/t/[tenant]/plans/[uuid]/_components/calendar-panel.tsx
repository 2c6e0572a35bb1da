"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { StatusLegend } from "@/components/calendar/status-legend";
import { futureRefusal, type ServerToday } from "@/lib/marks/future";
import { kindOf, markSpec, needsTypedName, type MarkChange } from "@/lib/marks/kinds";
import {
  countStatusesInRanges,
  normalizeRanges,
  openingYear,
  rangesOutside,
  selectionFromUrlParam,
  selectionSize,
  statusAt,
  type Granularity,
  type KeyRange,
  type PartitionStatus,
  type StatusRun,
} from "@/lib/partitions";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { CalendarCellsContext, type CalendarCells } from "./calendar-context";
import { CellDetails } from "./cell-details";
import { useCellLabel } from "./cell-label";
import { HistoryStrip } from "./history-strip";
import { dismissCellDetails } from "./inspected-cell-store";
import { markAvailability, shortcutMark } from "@/lib/marks/availability";
import { MarkDialog, type MarkKind, type PendingMark } from "./mark-dialog";
import { MonthGrid } from "./month-grid";
import { useReadOnlyReason } from "./read-only-reason";
import { SelectionBar } from "./selection-bar";
import { sealedListingOf, useMarkMutation, mutationError } from "./use-mark-mutation";
import { currentUrlParam, useSelection, useSelectionValue, writeUrlParam } from "./use-selection";
import { useTodayKey } from "./use-today";
import { createValueStore } from "./value-store";
import { useAfterPaint } from "./use-after-paint";
import { YearGrid } from "./year-grid";

/**
 * The partition calendar of a DAY or MONTH plan: status at a glance, selection, and marking.
 * The year and selection are read from the address bar once, when the calendar mounts (`initialYear`
 * and `initialSel`, the request's, stand in on the server); afterwards the URL is only written
 * (nothing here subscribes to it, so writing it re-renders nothing).
 */
export function CalendarPanel({
  tenantId,
  calendar,
  g,
  canMark,
  initialYear,
  initialSel,
}: {
  tenantId: string;
  calendar: PlanCalendar;
  g: Granularity;
  canMark: boolean;
  initialYear: string | null;
  initialSel: string | null;
}) {
  const t = useTranslations("plan.calendar");
  // The server's today as the server computed it; without one (not a grid plan), the read's UTC date.
  const today = useTodayKey(g, calendar.today?.key ?? calendar.readAt.slice(0, g === "MONTH" ? 7 : 10));
  const readOnlyReason = useReadOnlyReason(calendar);
  const windowEnd = calendar.window?.end ?? today;
  // Where Tab first lands in the grid: the newest partition the plan expects, never a future day.
  const latest = windowEnd < today ? windowEnd : today;
  const [year, setYear] = useState(() => openingYear(currentUrlParam("year", initialYear), windowEnd));
  // The heading follows a year switch at once; the twelve grids follow after it has been painted.
  const shownYear = useAfterPaint(year);
  const [initialSelection] = useState(() => selectionFromUrlParam(currentUrlParam("sel", initialSel), g));
  const sel = useSelection(g, initialSelection);
  const { setSelection } = sel;
  const selection = useSelectionValue(sel.store);
  const [focused] = useState(() => createValueStore<string | null>(null));
  const [pending, setPending] = useState<PendingMark | null>(null);
  const mutation = useMarkMutation(tenantId, calendar.plan.uuid, g, () => {
    setPending(null);
    setSelection([]);
  });
  const runs = calendar.runs;

  useEffect(() => {
    if (g === "DAY") writeUrlParam("year", String(year));
  }, [year, g]);

  const readOnly = calendar.readOnlyReason !== null;
  const cellLabel = useCellLabel();
  const cells = useMemo<CalendarCells>(
    () => ({ statusOf: (key) => statusAt(runs, key), today, latest, readOnly, pressable: true, cellLabel, focused, ...sel }),
    [runs, today, latest, readOnly, cellLabel, focused, sel],
  );

  const years = useMemo(() => {
    const first = Number((calendar.window?.start ?? today).slice(0, 4));
    const last = Math.max(Number(today.slice(0, 4)), Number(windowEnd.slice(0, 4)));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }, [calendar.window, today, windowEnd]);

  const viewLabel = g === "DAY" ? String(year) : t("view");
  const viewRange = useMemo<KeyRange>(
    () => (g === "DAY" ? { start: `${year}-01-01`, end: `${year}-12-31` } : { start: `${years[0]}-01`, end: `${years.at(-1)}-12` }),
    [g, year, years],
  );
  const selectStatusInView = (status: PartitionStatus) => setSelection(normalizeRanges(rangesWithStatus(runs, viewRange, status), g));

  const openMark = useCallback(
    (kind: MarkKind) => {
      const countsBefore = countStatusesInRanges(runs, selection, g);
      const partitions = selectionSize(selection, g);
      const change: MarkChange =
        kind === "clear"
          ? { kind: "clear", granularity: g, ranges: selection }
          : { kind: "update", granularity: g, success: kind === "success" ? selection : [], failed: kind === "failed" ? selection : [] };
      const spec = markSpec(change);
      mutation.reset();
      setPending({
        kind,
        ranges: selection,
        partitions,
        countsBefore,
        body: spec.body(calendar.plan.uuid, change),
        endpoint: spec.endpoint,
        needsName: needsTypedName(kindOf(change), partitions, countsBefore),
        refusal: refusalWithToday(change, calendar.today, g),
        offScreen: {
          shown: g === "DAY" ? String(year) : `${viewRange.start.slice(0, 4)}–${viewRange.end.slice(0, 4)}`,
          ranges: rangesOutside(selection, viewRange, g),
        },
        outsideWindow: calendar.window ? { window: calendar.window, ranges: rangesOutside(selection, calendar.window, g) } : null,
      });
    },
    [runs, selection, g, calendar.plan.uuid, calendar.today, calendar.window, mutation, year, viewRange],
  );

  // S, F and C open a mark for the selection while the focus is anywhere in the calendar (not in a field).
  const onShortcut = (e: KeyboardEvent<HTMLDivElement>) => {
    const kind = shortcutMark(e);
    if (!kind || !markAvailability({ g, selection, readOnly, canMark, today: calendar.today }).enabled[kind]) return;
    e.preventDefault();
    openMark(kind);
  };
  // Escape hides the cell's details first, then clears the selection.
  const onEscape = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Escape") return;
    if (!dismissCellDetails()) sel.clear();
  };
  const area = useRef<HTMLDivElement>(null);
  const gridHelp = t("help");

  return (
    <CalendarCellsContext.Provider value={cells}>
      <div className="space-y-4" onKeyDown={onShortcut}>
        <StatusLegend counts={calendar.counts} shape={calendar.listShape ?? "materialized-only"} />
        <SelectionBar
          g={g}
          selection={selection}
          runs={runs}
          readOnlyReason={readOnlyReason}
          canMark={canMark}
          onMark={openMark}
          onSelect={setSelection}
          onSelectStatusInView={selectStatusInView}
          viewLabel={viewLabel}
          today={calendar.today}
        />
        {g === "DAY" ? (
          <div className="space-y-3">
            {calendar.window && <HistoryStrip runs={runs} window={calendar.window} year={year} onYear={setYear} />}
            <div className="flex items-center gap-3">
              <button type="button" className="rounded border border-slate-400 px-2 py-1 text-sm" onClick={() => setYear(year - 1)}>
                <span aria-hidden="true">← </span>
                <span className="sr-only">{t("previousYear")}</span>
                {year - 1}
              </button>
              <h2 className="text-xl font-semibold tabular-nums" aria-live="polite">
                {year}
              </h2>
              <button type="button" className="rounded border border-slate-400 px-2 py-1 text-sm" onClick={() => setYear(year + 1)}>
                <span className="sr-only">{t("nextYear")}</span>
                {year + 1}
                <span aria-hidden="true"> →</span>
              </button>
            </div>
            <div ref={area} className="relative">
              <div
                id="calendar"
                role="group"
                aria-label={t("yearGrid", { year: shownYear, help: gridHelp })}
                aria-busy={shownYear !== year}
                className={shownYear !== year ? "opacity-60" : undefined}
                onKeyDown={onEscape}
              >
                <YearGrid year={shownYear} today={today} onYearChange={setYear} />
              </div>
              <CellDetails calendar={calendar} runs={runs} today={today} area={area} />
            </div>
          </div>
        ) : (
          <div ref={area} className="relative" id="calendar" onKeyDown={onEscape}>
            <MonthGrid years={years} initialFocus={latest} help={gridHelp} />
            <CellDetails calendar={calendar} runs={runs} today={today} area={area} />
          </div>
        )}
      </div>
      <MarkDialog
        planName={calendar.plan.name}
        pending={pending}
        busy={mutation.isPending}
        error={mutationError(mutation.error)}
        onCancel={() => setPending(null)}
        onConfirm={(confirmName) => pending && mutation.mutate({ kind: pending.kind, ranges: pending.ranges, confirmName, listing: sealedListingOf(calendar) })}
      />
    </CalendarCellsContext.Provider>
  );
}

/** Why the server would refuse this mark (future partitions), with the today it was judged against. */
function refusalWithToday(change: MarkChange, today: ServerToday | null, g: Granularity): PendingMark["refusal"] {
  const refusal = today ? futureRefusal(change, today, g) : null;
  return refusal && today ? { ...refusal, today } : null;
}

/** The parts of the runs of one status that fall inside the view, as ranges. */
function rangesWithStatus(runs: readonly StatusRun[], view: KeyRange, status: PartitionStatus): KeyRange[] {
  const out: KeyRange[] = [];
  for (const [start, end, s] of runs) {
    if (s !== status || end < view.start || start > view.end) continue;
    out.push({ start: start < view.start ? view.start : start, end: end > view.end ? view.end : end });
  }
  return out;
}
