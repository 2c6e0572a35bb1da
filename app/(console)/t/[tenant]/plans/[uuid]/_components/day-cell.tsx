"use client";

import { memo, useSyncExternalStore } from "react";
import type { DayButtonProps } from "react-day-picker";
import { STATUS_LOOK } from "@/components/calendar/status-style";
import { tabTarget } from "@/lib/partitions/year-layout";
import { useCalendarCells } from "./calendar-context";
import { useIsSelected } from "./use-selection";

/**
 * react-day-picker's DayButton, replaced. It keeps only the day from react-day-picker's props and
 * drops its handlers, tab index and focus flag: the year grid handles pointer and keyboard events by
 * delegation and the tab stop comes from the focus store, so react-day-picker's own focus state
 * never changes and never re-renders a month. It renders again only when its month's picker does
 * (a new year), and then the memoised cell below does no work unless its day changed.
 */
export function DayButton({ day, className }: DayButtonProps) {
  return <DayCell dayKey={day.isoDate} className={className} />;
}

/**
 * One day of the DAY calendar. It re-renders only when its key, its status, its selected flag or
 * its tab-stop flag changes.
 */
const DayCell = memo(function DayCell({ dayKey, className }: { dayKey: string; className: string | undefined }) {
  const cells = useCalendarCells();
  const selected = useIsSelected(cells.store, dayKey);
  const isTabStop = () => tabTarget(cells.focused.get(), dayKey.slice(0, 4), cells.today, cells.latest) === dayKey;
  const tabStop = useSyncExternalStore(cells.focused.subscribe, isTabStop, isTabStop);
  const status = cells.statusOf(dayKey);
  const future = dayKey > cells.today;
  const isToday = dayKey === cells.today;
  const label = cells.cellLabel(dayKey, status, selected, future, isToday);
  // The look comes from .day-cell in globals.css, keyed by these attributes.
  return (
    <button
      type="button"
      data-key={dayKey}
      data-status={future ? "future" : (status ?? "outside")}
      data-today={isToday ? "" : undefined}
      disabled={future}
      aria-disabled={cells.pressable ? undefined : true}
      tabIndex={tabStop ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      className={className ? `${className} day-cell` : "day-cell"}
    >
      <span aria-hidden="true">{Number(dayKey.slice(8, 10))}</span>
      {status && !future && status !== "success" && status !== "missing" && (
        <span aria-hidden="true" className="day-icon">
          {STATUS_LOOK[status].icon}
        </span>
      )}
    </button>
  );
});
