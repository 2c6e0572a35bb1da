"use client";

import { memo } from "react";
import { DayPicker } from "react-day-picker";
import { DayCell } from "./day-cell";

const COMPONENTS = { DayButton: DayCell };
const CLASS_NAMES = {
  months: "flex flex-wrap gap-3",
  month: "rounded border border-slate-200 bg-white p-2",
  month_grid: "border-collapse",
  month_caption: "mb-1 text-sm font-semibold",
  weekday: "text-[11px] font-normal text-slate-600 w-8",
  day: "p-[1px]",
};

/** Twelve month grids of one year (react-day-picker), Monday first, with no navigation of its own. */
export const DayYearGrid = memo(function DayYearGrid({
  year,
  today,
  onYearChange,
}: {
  year: number;
  /** A key, not a Date: a string keeps this component's memo holding across renders. */
  today: string;
  onYearChange: (year: number) => void;
}) {
  const month = new Date(year, 0, 1);
  const [ty, tm, td] = today.split("-").map(Number);
  const todayDate = new Date(ty ?? 1970, (tm ?? 1) - 1, td ?? 1);
  return (
    <DayPicker
      month={month}
      numberOfMonths={12}
      hideNavigation
      weekStartsOn={1}
      showOutsideDays={false}
      today={todayDate}
      disabled={{ after: todayDate }}
      onDayClick={() => undefined}
      onMonthChange={(m) => {
        // Keyboard focus walked off December or January: follow it into the next or previous year.
        if (m.getFullYear() !== year || m.getMonth() !== 0) onYearChange(m > month ? year + 1 : year - 1);
      }}
      components={COMPONENTS}
      classNames={CLASS_NAMES}
      className="calendar-year"
    />
  );
});
