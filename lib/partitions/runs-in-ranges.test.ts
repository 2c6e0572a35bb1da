import { describe, expect, it } from "vitest";
import { enumerateKeys } from "./keys";
import { encodeRuns, statusAt, type PartitionStatus, type StatusRun } from "./runs";
import { applyStatusToRuns, countStatusesInRanges } from "./runs-in-ranges";
import type { KeyRange } from "./range-set";

const runs: StatusRun[] = [
  ["2025-01-01", "2025-01-10", "success"],
  ["2025-01-11", "2025-01-12", "failed"],
  ["2025-01-13", "2025-01-20", "missing"],
];

function brute(rs: readonly StatusRun[], ranges: readonly KeyRange[]): Record<string, number> {
  const out: Record<string, number> = {};
  const seen = new Set<string>();
  for (const r of ranges) {
    for (const k of enumerateKeys(r.start, r.end, "DAY")) {
      if (seen.has(k)) continue;
      seen.add(k);
      const s = statusAt(rs, k) ?? "outside";
      out[s] = (out[s] ?? 0) + 1;
    }
  }
  return out;
}

function nonZero(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
}

describe("countStatusesInRanges", () => {
  it("counts per status across runs and outside the window", () => {
    const ranges = [
      { start: "2024-12-30", end: "2025-01-02" },
      { start: "2025-01-10", end: "2025-01-14" },
    ];
    expect(nonZero(countStatusesInRanges(runs, ranges, "DAY"))).toEqual({ outside: 2, success: 3, failed: 2, missing: 2 });
  });

  it("agrees with a per-key count on random selections", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 200; t++) {
      const ranges = Array.from({ length: 1 + rnd(4) }, () => {
        const a = 1 + rnd(28);
        const b = a + rnd(5);
        return { start: `2025-01-${String(a).padStart(2, "0")}`, end: `2025-01-${String(Math.min(b, 31)).padStart(2, "0")}` };
      });
      expect(nonZero(countStatusesInRanges(runs, ranges, "DAY"))).toEqual(brute(runs, ranges));
    }
  });
});

describe("applyStatusToRuns", () => {
  it("overrides the status inside the ranges and keeps runs merged", () => {
    const next = applyStatusToRuns(runs, [{ start: "2025-01-11", end: "2025-01-15" }], "success", "DAY");
    expect(next).toEqual([
      ["2025-01-01", "2025-01-15", "success"],
      ["2025-01-16", "2025-01-20", "missing"],
    ]);
  });

  it("matches a per-key model, including ranges outside every run", () => {
    const ranges = [
      { start: "2024-12-31", end: "2025-01-02" },
      { start: "2025-01-05", end: "2025-01-05" },
      { start: "2025-01-19", end: "2025-01-22" },
    ];
    const next = applyStatusToRuns(runs, ranges, "cleared", "DAY");
    const expected = new Map<string, PartitionStatus>();
    for (const [s, e, st] of runs) for (const k of enumerateKeys(s, e, "DAY")) expected.set(k, st);
    for (const r of ranges) for (const k of enumerateKeys(r.start, r.end, "DAY")) expected.set(k, "cleared");
    expect(next).toEqual(encodeRuns([...expected.entries()], "DAY"));
  });
});
