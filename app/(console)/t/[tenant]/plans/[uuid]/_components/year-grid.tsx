"use client";

import { memo, useMemo, useRef, type HTMLAttributes } from "react";
import { DayPicker, getDefaultClassNames, type ClassNames, type CustomComponents, type Formatters, type Labels } from "react-day-picker";
import { DayButton } from "./day-cell";
import { Week, Weeks } from "./positional-rows";
import { useYearGridEvents } from "./use-year-grid-events";

const MONTHS = Array.from({ length: 12 }, (_, m) => m);
const rdp = getDefaultClassNames();

// Module constants, so every DayPicker prop below is the same object on every render.
const CLASS_NAMES: Partial<ClassNames> = {
  months: rdp.months,
  // Contained: a cell that changes lays out and paints its month only, never the page around it.
  month: `${rdp.month} rounded border border-slate-200 bg-white p-2 [contain:layout_paint]`,
  month_caption: `${rdp.month_caption} mb-1 text-center text-sm font-semibold`,
  month_grid: `${rdp.month_grid} mx-auto table-fixed border-collapse`,
  weekday: `${rdp.weekday} w-8 text-[11px] font-normal text-slate-600`,
  day: `${rdp.day} p-[1px]`,
};

/** The caption as plain text: the year heading above already announces a change of year. */
function CaptionLabel({ className, children }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={className}>{children}</span>;
}

const COMPONENTS: Partial<CustomComponents> = { DayButton, CaptionLabel, Weeks, Week };
// react-day-picker formats every day's number and label with date-fns on each render (about a
// thousand calls per year shown); our DayButton draws both from the day's key, so those are skipped,
// and the weekday headers come from fixed names (the console is English only).
const WEEKDAY_SHORT = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
const WEEKDAY_LONG = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const UNUSED = () => "";
const FORMATTERS: Partial<Formatters> = { formatDay: UNUSED, formatWeekdayName: (d) => WEEKDAY_SHORT[d.getDay()] ?? "" };
const LABELS: Partial<Labels> = { labelDayButton: UNUSED, labelWeekday: (d) => WEEKDAY_LONG[d.getDay()] ?? "" };
// react-day-picker renders day buttons only when the calendar is interactive; selection is ours.
const NO_DAY_CLICK = () => undefined;

/**
 * Twelve month grids of one year, one react-day-picker per month, Monday first, no navigation of
 * their own. The pickers' props change only with the year: the selection and the focus are stores
 * that each day button (day-cell.tsx) reads for itself, and the pointer and keyboard events are handled
 * here by delegation, so a selection change re-renders only the cells whose state flips.
 */
export const YearGrid = memo(function YearGrid({ year, today, onYearChange }: { year: number; today: string; onYearChange: (year: number) => void }) {
  const root = useRef<HTMLDivElement>(null);
  const events = useYearGridEvents(root, year, onYearChange);
  return (
    // Columns share the row's width (as many 16rem months as fit, stretched): a wide screen gets even
    // margins around each month, never an empty column at the row's end.
    <div ref={root} className="calendar-year grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-3" {...events}>
      {MONTHS.map((m) => (
        <MonthPicker key={m} year={year} month={m} today={today} />
      ))}
    </div>
  );
});

const MonthPicker = memo(function MonthPicker({ year, month, today }: { year: number; month: number; today: string }) {
  // Local dates, as react-day-picker formats its days' isoDate keys in local time.
  const shown = useMemo(() => new Date(year, month, 1), [year, month]);
  const todayDate = useMemo(() => {
    const [y = 1970, m = 1, d = 1] = today.split("-").map(Number);
    return new Date(y, m - 1, d);
  }, [today]);
  return (
    <DayPicker
      month={shown}
      today={todayDate}
      weekStartsOn={1}
      showOutsideDays={false}
      hideNavigation
      disableNavigation
      onDayClick={NO_DAY_CLICK}
      components={COMPONENTS}
      formatters={FORMATTERS}
      labels={LABELS}
      classNames={CLASS_NAMES}
    />
  );
});
