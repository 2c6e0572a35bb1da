"use client";

import { useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import { summarizeHistory, type KeyRange, type StatusRun, type YearSummary } from "@/lib/partitions";

export const HistoryStrip = memo(function HistoryStrip({
  runs,
  window,
  year,
  onYear,
}: {
  runs: readonly StatusRun[];
  window: KeyRange;
  year: number;
  onYear: (year: number) => void;
}) {
  const rows = useMemo(() => summarizeHistory(runs, window), [runs, window]);
  const t = useTranslations("plan.history");
  return (
    <nav aria-label={t("label")} className="space-y-1 overflow-x-auto">
      {rows.map((r) => (
        <HistoryRow key={r.year} row={r} current={r.year === year} onYear={onYear} />
      ))}
    </nav>
  );
});

/** One year's row: memoised, so switching years re-renders the two rows whose highlight changes. */
const HistoryRow = memo(function HistoryRow({ row: r, current, onYear }: { row: YearSummary; current: boolean; onYear: (year: number) => void }) {
  const t = useTranslations("plan.history");
  return (
    <button
      type="button"
      onClick={() => onYear(r.year)}
      aria-current={current ? "true" : undefined}
      className={`flex w-full min-w-max items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 ${current ? "bg-slate-200" : ""}`}
    >
      <span className="sr-only">{t("show")}</span>
      <span className="w-10 text-xs font-semibold tabular-nums">{r.year}</span>
      <span aria-hidden="true" className="flex gap-[1px]">
        {r.weeks.map((s, i) => (
          <span key={i} className="history-week" data-status={s ?? undefined} />
        ))}
      </span>
      <span className="text-[11px] text-slate-600" data-testid={`year-summary-${r.year}`}>
        {[r.failed > 0 && t("failed", { n: r.failed }), r.cleared > 0 && t("cleared", { n: r.cleared }), r.missing > 0 && t("missing", { n: r.missing })]
          .filter(Boolean)
          .join(t("separator"))}
      </span>
    </button>
  );
});
