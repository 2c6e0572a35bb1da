"use client";

import { memo, useId, useMemo, useRef } from "react";
import { WEEKDAYS, yearLayout, type MonthLayout } from "@/lib/partitions/year-layout";
import { DayCell } from "./day-cell";
import { useYearGridEvents } from "./use-year-grid-events";

/**
 * Twelve month grids of one year, Monday first. Slots are keyed by position (month, week, weekday),
 * so switching years updates the same cells in place instead of mounting a new year.
 */
export const YearGrid = memo(function YearGrid({ year, onYearChange }: { year: number; onYearChange: (year: number) => void }) {
  const months = useMemo(() => yearLayout(year), [year]);
  const root = useRef<HTMLDivElement>(null);
  const events = useYearGridEvents(root, year, onYearChange);
  return (
    <div ref={root} className="calendar-year flex flex-wrap gap-3" {...events}>
      {months.map((m) => (
        <MonthTable key={m.month} year={year} layout={m} />
      ))}
    </div>
  );
});

function MonthTable({ year, layout }: { year: number; layout: MonthLayout }) {
  const captionId = useId();
  return (
    // Contained: a cell that changes lays out and paints its month only, never the page around it.
    <div className="rounded border border-slate-200 bg-white p-2 [contain:layout_paint]">
      <div id={captionId} className="mb-1 text-sm font-semibold">
        {layout.name} {year}
      </div>
      <table role="grid" aria-labelledby={captionId} className="table-fixed border-collapse">
        <thead aria-hidden="true">
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={short} scope="col" aria-label={long} className="w-8 text-[11px] font-normal text-slate-600">
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.weeks.map((week, w) => (
            <tr key={w}>
              {week.map((key, d) => (
                <td key={d} role="gridcell" className="p-[1px]">
                  {key && <DayCell dayKey={key} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
