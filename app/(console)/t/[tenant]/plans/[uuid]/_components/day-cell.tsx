"use client";

import { memo, useSyncExternalStore } from "react";
import { OUTSIDE_LOOK, STATUS_LOOK } from "@/components/calendar/status-style";
import { tabTarget } from "@/lib/partitions/year-layout";
import { useCalendarCells } from "./calendar-context";
import { cellLabel } from "./cell-label";
import { useIsSelected } from "./use-selection";

/**
 * One day of the DAY calendar. It re-renders only when its key, its status, its selected flag or
 * its tab-stop flag changes; the year grid handles its pointer and keyboard events by delegation.
 */
export const DayCell = memo(function DayCell({ dayKey }: { dayKey: string }) {
  const cells = useCalendarCells();
  const selected = useIsSelected(cells.store, dayKey);
  const isTabStop = () => tabTarget(cells.focused.get(), dayKey.slice(0, 4), cells.today) === dayKey;
  const tabStop = useSyncExternalStore(cells.focused.subscribe, isTabStop, isTabStop);
  const status = cells.statusOf(dayKey);
  const future = dayKey > cells.today;
  const look = future || !status ? OUTSIDE_LOOK : STATUS_LOOK[status];
  const label = cellLabel(dayKey, status, selected, future);
  return (
    <button
      type="button"
      data-key={dayKey}
      data-status={future ? "future" : (status ?? "outside")}
      disabled={future}
      tabIndex={tabStop ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      title={label}
      className={[
        "relative flex h-8 w-8 select-none items-center justify-center rounded text-xs tabular-nums",
        look.cell,
        selected ? "ring-[3px] ring-offset-1 ring-slate-950" : "",
        dayKey === cells.today ? "outline outline-2 outline-offset-[-2px] outline-black" : "",
        future ? "opacity-60" : "",
      ].join(" ")}
    >
      <span aria-hidden="true">{Number(dayKey.slice(8, 10))}</span>
      {status && !future && status !== "success" && status !== "missing" && (
        <span aria-hidden="true" className="absolute right-0 top-0 text-[9px] leading-none">
          {STATUS_LOOK[status].icon}
        </span>
      )}
    </button>
  );
});
