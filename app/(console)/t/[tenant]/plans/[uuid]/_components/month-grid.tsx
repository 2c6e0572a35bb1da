"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type KeyboardEvent } from "react";
import { OUTSIDE_LOOK, STATUS_LOOK } from "@/components/calendar/status-style";
import { addKeys, rangeContains } from "@/lib/partitions";
import { INTL_LOCALE } from "@/i18n/locales";
import { useCalendarCells } from "./calendar-context";
import { inspectCell } from "./inspected-cell-store";
import { useSelectionValue } from "./use-selection";

const MONTHS = Array.from({ length: 12 }, (_, m) => m);
const ARROW_MONTHS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -12, ArrowDown: 12 };
const key = (year: number, month: number) => `${year}-${String(month + 1).padStart(2, "0")}`;

/** MONTH plans: one row per year, twelve month cells, with the same selection keys as the day grid. */
export function MonthGrid({ years, initialFocus, help }: { years: number[]; initialFocus: string; help: string }) {
  const cells = useCalendarCells();
  const t = useTranslations("plan.calendar");
  const locale = useLocale();
  // Short month names in the page's language ("Jan", "1月"), from fixed UTC dates so every zone agrees.
  const monthNames = useMemo(() => {
    const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: "short", timeZone: "UTC" });
    return MONTHS.map((m) => f.format(Date.UTC(2000, m, 1)));
  }, [locale]);
  const selection = useSelectionValue(cells.store);
  const [focusKey, setFocusKey] = useState(initialFocus);
  const first = key(years[0] ?? 2000, 0);
  const last = key(years.at(-1) ?? 2000, 11);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, k: string) => {
    const delta = ARROW_MONTHS[e.key];
    if (delta !== undefined) {
      e.preventDefault();
      const to = addKeys(k, delta, "MONTH");
      if (to < first || to > last || to > cells.today) return;
      setFocusKey(to);
      document.querySelector<HTMLButtonElement>(`button[data-key="${to}"]`)?.focus();
      cells.keyboardMove(k, to, { shift: e.shiftKey, additive: e.ctrlKey || e.metaKey });
    } else if (e.key === " ") {
      e.preventDefault();
      cells.toggle(k);
    } else if (e.key === "Enter") {
      e.preventDefault();
      cells.selectKeyOnly(k);
    }
  };

  return (
    <table
      role="grid"
      aria-label={t("monthly", { help })}
      className="border-separate border-spacing-1"
      onMouseLeave={() =>
        inspectCell(
          document.activeElement instanceof HTMLElement
            ? (document.activeElement.closest("table[role=grid] button[data-key]")?.getAttribute("data-key") ?? null)
            : null,
        )
      }
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) inspectCell(null);
      }}
    >
      <thead>
        <tr>
          <th scope="col" className="text-left text-xs font-medium text-slate-600">
            {t("year")}
          </th>
          {MONTHS.map((m) => (
            <th key={m} scope="col" className="w-12 text-xs font-medium text-slate-600">
              {monthNames[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr key={y}>
            <th scope="row" className="pr-2 text-right text-sm font-semibold tabular-nums">
              {y}
            </th>
            {MONTHS.map((_, m) => {
              const k = key(y, m);
              const status = cells.statusOf(k);
              const future = k > cells.today;
              const selected = rangeContains(selection, k);
              const look = future || !status ? OUTSIDE_LOOK : STATUS_LOOK[status];
              return (
                <td key={k} role="gridcell" aria-selected={selected}>
                  <button
                    type="button"
                    data-key={k}
                    data-status={future ? "future" : (status ?? "outside")}
                    disabled={future}
                    tabIndex={k === focusKey ? 0 : -1}
                    aria-label={cells.cellLabel(k, status, selected, future, k === cells.today)}
                    data-today={k === cells.today ? "" : undefined}
                    className={`month-cell relative h-9 w-12 select-none rounded text-xs ${look.cell} ${selected ? "ring-[3px] ring-slate-950 ring-offset-2" : ""} ${future ? "opacity-60" : ""}`}
                    onKeyDown={(e) => onKey(e, k)}
                    onFocus={() => {
                      setFocusKey(k);
                      inspectCell(k);
                    }}
                    onMouseEnter={() => inspectCell(k)}
                    onPointerDown={(e) => {
                      if (e.button !== 0 || future) return;
                      cells.pointerDown(k, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
                    }}
                    onPointerEnter={(e) => cells.pointerEnter(k, e.buttons)}
                  >
                    <span aria-hidden="true">{status && !future ? STATUS_LOOK[status].icon : ""}</span>
                    {selected && <span aria-hidden="true" className="day-check" />}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
