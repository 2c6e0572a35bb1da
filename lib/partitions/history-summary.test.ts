import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizeHistory, type YearSummary } from "./history-summary";
import { keyToOrdinal, ordinalToKey } from "./keys";
import type { KeyRange } from "./range-set";
import { PARTITION_STATUSES, statusAt, type PartitionStatus, type StatusRun } from "./runs";

const SEVERITY: PartitionStatus[] = ["success", "missing", "cleared", "unknown", "failed"];

/** The strip's first version, day by day: the reference the run walk must agree with. */
function dayByDay(runs: readonly StatusRun[], window: KeyRange): YearSummary[] {
  const rows = new Map<number, YearSummary>();
  const lo = keyToOrdinal(window.start, "DAY");
  const hi = keyToOrdinal(window.end, "DAY");
  for (let n = lo; n <= hi; n++) {
    const key = ordinalToKey(n, "DAY");
    const year = Number(key.slice(0, 4));
    const row = rows.get(year) ?? { year, weeks: Array.from({ length: 53 }, () => null), failed: 0, cleared: 0, missing: 0 };
    rows.set(year, row);
    const status = statusAt(runs, key);
    if (!status) continue;
    const week = Math.floor((n - keyToOrdinal(`${year}-01-01`, "DAY")) / 7);
    const prev = row.weeks[week];
    if (prev == null || SEVERITY.indexOf(status) > SEVERITY.indexOf(prev)) row.weeks[week] = status;
    if (status === "failed") row.failed++;
    if (status === "cleared") row.cleared++;
    if (status === "missing") row.missing++;
  }
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

const BASE = keyToOrdinal("2019-06-01", "DAY");

/** Sorted, disjoint runs (gaps allowed) from lengths and statuses, starting near BASE. */
const runsArb = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 1, max: 400 }), status: fc.constantFrom(...PARTITION_STATUSES) }), {
    maxLength: 25,
  })
  .map((parts) => {
    const runs: StatusRun[] = [];
    let at = BASE;
    for (const p of parts) {
      const start = at + p.gap;
      const end = start + p.length - 1;
      runs.push([ordinalToKey(start, "DAY"), ordinalToKey(end, "DAY"), p.status]);
      at = end + 1;
    }
    return runs;
  });

const windowArb = fc
  .tuple(fc.integer({ min: -500, max: 3000 }), fc.integer({ min: 0, max: 3000 }))
  .map(([from, length]) => ({ start: ordinalToKey(BASE + from, "DAY"), end: ordinalToKey(BASE + from + length, "DAY") }));

describe("summarizeHistory", () => {
  it("gives a row per year of the window, the worst status of each week and the counts of failed, cleared and missing days", () => {
    const runs: StatusRun[] = [
      ["2023-12-25", "2024-01-03", "success"],
      ["2024-01-04", "2024-01-05", "failed"],
      ["2024-01-06", "2024-01-20", "missing"],
      ["2024-12-30", "2024-12-31", "cleared"],
    ];
    const rows = summarizeHistory(runs, { start: "2023-12-28", end: "2025-01-02" });
    expect(rows.map((r) => r.year)).toEqual([2023, 2024, 2025]);
    const [y2023, y2024, y2025] = rows;
    // 28–31 December 2023 are days 361–364 of the year: weeks 51 and 52 (the 53rd holds only a 31 December).
    expect(y2023?.weeks.slice(51)).toEqual(["success", "success"]);
    expect(y2023?.weeks.filter(Boolean)).toHaveLength(2);
    expect(y2024?.weeks.slice(0, 4)).toEqual(["failed", "missing", "missing", null]);
    expect(y2024?.weeks[52]).toBe("cleared");
    expect(y2024).toMatchObject({ failed: 2, missing: 15, cleared: 2 });
    expect(y2025).toMatchObject({ failed: 0, missing: 0, cleared: 0, weeks: Array.from({ length: 53 }, () => null) });
  });

  it("has nothing for an empty window", () => {
    expect(summarizeHistory([["2024-01-01", "2024-02-01", "success"]], { start: "2024-02-01", end: "2024-01-01" })).toEqual([]);
  });

  it("agrees with a day-by-day walk for any runs and window", () => {
    fc.assert(
      fc.property(runsArb, windowArb, (runs, window) => {
        expect(summarizeHistory(runs, window)).toEqual(dayByDay(runs, window));
      }),
      { numRuns: 300 },
    );
  });
});
