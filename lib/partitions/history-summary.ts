import { keyToOrdinal } from "./keys";
import type { KeyRange } from "./range-set";
import type { PartitionStatus, StatusRun } from "./runs";

/** Worst first when a week holds several statuses: the strip shows the worst of each week. */
const SEVERITY: readonly PartitionStatus[] = ["success", "missing", "cleared", "unknown", "failed"];
export const WEEKS_PER_YEAR_ROW = 53;

/** One year of the history strip: the worst status of each week (counted from 1 January), and counts of the days that need a look. */
export type YearSummary = { year: number; weeks: (PartitionStatus | null)[]; failed: number; cleared: number; missing: number };

/**
 * Every year of a DAY window at a glance, like a contribution graph. Walks the status runs, not the
 * days: thirty years are 11,000 days but a few hundred runs, and the strip is drawn on the server and
 * again when the page hydrates. Runs are sorted and disjoint (lib/partitions/runs.ts); days no run
 * covers have no status and count for nothing.
 */
export function summarizeHistory(runs: readonly StatusRun[], window: KeyRange): YearSummary[] {
  const lo = keyToOrdinal(window.start, "DAY");
  const hi = keyToOrdinal(window.end, "DAY");
  if (hi < lo) return [];
  const firstYear = Number(window.start.slice(0, 4));
  const lastYear = Number(window.end.slice(0, 4));
  const rows: YearSummary[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    rows.push({ year, weeks: Array.from({ length: WEEKS_PER_YEAR_ROW }, () => null), failed: 0, cleared: 0, missing: 0 });
  }
  for (const [start, end, status] of runs) {
    const from = Math.max(lo, keyToOrdinal(start, "DAY"));
    const to = Math.min(hi, keyToOrdinal(end, "DAY"));
    if (to < from) continue;
    for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
      const row = rows[year - firstYear];
      if (!row) continue;
      const jan1 = keyToOrdinal(`${year}-01-01`, "DAY");
      const a = Math.max(from, jan1);
      const b = Math.min(to, keyToOrdinal(`${year}-12-31`, "DAY"));
      if (b < a) continue;
      for (let week = Math.floor((a - jan1) / 7); week <= Math.floor((b - jan1) / 7); week++) {
        const prev = row.weeks[week];
        if (prev == null || SEVERITY.indexOf(status) > SEVERITY.indexOf(prev)) row.weeks[week] = status;
      }
      const days = b - a + 1;
      if (status === "failed") row.failed += days;
      if (status === "cleared") row.cleared += days;
      if (status === "missing") row.missing += days;
    }
  }
  return rows;
}
