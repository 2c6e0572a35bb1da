"use client";

import { useLocale } from "next-intl";
import { memo, useMemo, useRef, type HTMLAttributes } from "react";
import {
  DayPicker,
  getDefaultClassNames,
  type ClassNames,
  type CustomComponents,
  type Formatters,
  type Labels,
  type Locale as DayPickerLocale,
} from "react-day-picker";
import { enGB, zhCN } from "react-day-picker/locale";
import { INTL_LOCALE, type Locale } from "@/i18n/locales";
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
// thousand calls per year shown); our DayButton draws both from the day's key, so those are skipped.
// The weekday headers and month captions are fixed names per language, made once with Intl.
const UNUSED = () => "";
const DAY_PICKER_LOCALE: Record<Locale, DayPickerLocale> = { en: enGB, "zh-CN": zhCN };
type PickerText = { formatters: Partial<Formatters>; labels: Partial<Labels> };
const PICKER_TEXT = new Map<Locale, PickerText>();

/** The weekday names (a week of 2000-01-02..08, Sunday first, as Date#getDay counts) and the caption, per language. */
function pickerText(locale: Locale): PickerText {
  let text = PICKER_TEXT.get(locale);
  if (!text) {
    const names = (weekday: "short" | "long") => {
      const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday, timeZone: "UTC" });
      return Array.from({ length: 7 }, (_, d) => f.format(Date.UTC(2000, 0, 2 + d)));
    };
    const short = names("short");
    const long = names("long");
    const caption = new Intl.DateTimeFormat(INTL_LOCALE[locale], { year: "numeric", month: "long" });
    text = {
      formatters: { formatDay: UNUSED, formatWeekdayName: (d) => short[d.getDay()] ?? "", formatCaption: (d) => caption.format(d) },
      labels: { labelDayButton: UNUSED, labelWeekday: (d) => long[d.getDay()] ?? "" },
    };
    PICKER_TEXT.set(locale, text);
  }
  return text;
}
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
  const locale = useLocale();
  const text = pickerText(locale);
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
      locale={DAY_PICKER_LOCALE[locale]}
      // Monday first in both languages (ISO weeks, as in China and in CAN's own console).
      weekStartsOn={1}
      showOutsideDays={false}
      hideNavigation
      disableNavigation
      onDayClick={NO_DAY_CLICK}
      components={COMPONENTS}
      formatters={text.formatters}
      labels={text.labels}
      classNames={CLASS_NAMES}
    />
  );
});
