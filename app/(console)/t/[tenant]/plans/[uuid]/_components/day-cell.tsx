"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import type { DayButtonProps } from "react-day-picker";
import { OUTSIDE_LOOK, STATUS_LOOK } from "@/components/calendar/status-style";
import { addKeys } from "@/lib/partitions";
import { useCalendarCells } from "./calendar-context";
import { cellLabel } from "./cell-label";
import { inspectCell } from "./inspected-cell-store";

const ARROW_DAYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** One day of the DAY calendar: react-day-picker's button, dressed with status and our selection keys. */
export function DayCell({ day, modifiers, className, onKeyDown, onFocus, onMouseEnter, ...rest }: DayButtonProps) {
  const cells = useCalendarCells();
  const key = day.isoDate;
  const status = cells.statusOf(key);
  const selected = cells.isSelected(key);
  const future = key > cells.today;
  const look = future || !status ? OUTSIDE_LOOK : STATUS_LOOK[status];
  const ref = useRef<HTMLButtonElement>(null);
  // react-day-picker moves focus by flagging the day "focused"; a custom button must follow the flag.
  useEffect(() => {
    if (modifiers.focused) ref.current?.focus();
  }, [modifiers.focused]);
  const label = cellLabel(key, status, selected, future);

  const handleKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const delta = ARROW_DAYS[e.key];
    if (delta !== undefined && e.shiftKey) {
      // react-day-picker moves by month on shift+arrow; here shift+arrow extends the selection.
      e.preventDefault();
      const to = addKeys(key, delta, "DAY");
      const target = document.querySelector<HTMLButtonElement>(`button[data-key="${to}"]:not([disabled])`);
      if (!target) return;
      target.focus();
      cells.keyboardMove(key, to, { shift: true, additive: e.ctrlKey || e.metaKey });
      return;
    }
    if (e.key === " ") {
      e.preventDefault();
      cells.toggle(key);
      return;
    }
    if (e.key === "Escape") {
      cells.clear();
      return;
    }
    onKeyDown?.(e);
  };

  return (
    <button
      {...rest}
      ref={ref}
      data-key={key}
      data-status={future ? "future" : (status ?? "outside")}
      aria-label={label}
      aria-pressed={selected}
      title={label}
      className={[
        className,
        "relative flex h-8 w-8 select-none items-center justify-center rounded text-xs tabular-nums",
        look.cell,
        selected ? "ring-[3px] ring-offset-1 ring-slate-950" : "",
        modifiers.today ? "outline outline-2 outline-offset-[-2px] outline-black" : "",
        future ? "opacity-60" : "",
      ].join(" ")}
      onKeyDown={handleKey}
      onFocus={(e) => {
        inspectCell(key);
        onFocus?.(e);
      }}
      onMouseEnter={(e) => {
        inspectCell(key);
        onMouseEnter?.(e);
      }}
      onPointerDown={(e) => {
        if (e.button !== 0 || future) return;
        // Touch pointers are captured by the pressed button; release so a drag reaches the other days.
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
        cells.pointerDown(key, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
      }}
      onPointerEnter={(e) => cells.pointerEnter(key, e.buttons)}
      onClick={(e) => {
        // Mouse clicks were handled on pointerdown; a click with detail 0 comes from Enter.
        if (e.detail === 0) cells.selectKeyOnly(key);
      }}
    >
      <span aria-hidden="true">{day.date.getDate()}</span>
      {status && !future && status !== "success" && status !== "missing" && (
        <span aria-hidden="true" className="absolute right-0 top-0 text-[9px] leading-none">
          {STATUS_LOOK[status].icon}
        </span>
      )}
    </button>
  );
}
