import { describe, expect, it } from "vitest";
import type { Granularity } from "./granularity";
import { addKeys } from "./keys";
import { countByStatus, encodeRuns, fillRuns, PARTITION_STATUSES, statusAt, type PartitionStatus, type StatusRun } from "./runs";
import { randInt, randomKey, refEnumerate, seededRandom } from "./test-support";

describe("PARTITION_STATUSES", () => {
  it("lists every status once", () => {
    expect([...PARTITION_STATUSES].sort()).toEqual(["cleared", "failed", "missing", "success", "unknown"]);
  });
});

describe("encodeRuns", () => {
  it("merges consecutive keys with equal status and splits on a gap or a change", () => {
    expect(
      encodeRuns(
        [
          ["2025-10-03", "success"],
          ["2025-10-01", "success"],
          ["2025-10-02", "success"],
          ["2025-10-04", "failed"],
          ["2025-10-06", "failed"], // gap at 10-05: a new run even with the same status
          ["2025-10-07", "success"],
        ],
        "DAY",
      ),
    ).toEqual([
      ["2025-10-01", "2025-10-03", "success"],
      ["2025-10-04", "2025-10-04", "failed"],
      ["2025-10-06", "2025-10-06", "failed"],
      ["2025-10-07", "2025-10-07", "success"],
    ]);
  });

  it("runs through month/year ends and leap days; last duplicate wins", () => {
    expect(
      encodeRuns(
        [
          ["2024-02-28", "missing"],
          ["2024-02-29", "missing"],
          ["2024-03-01", "success"],
          ["2024-03-01", "missing"],
        ],
        "DAY",
      ),
    ).toEqual([["2024-02-28", "2024-03-01", "missing"]]);
    expect(
      encodeRuns(
        [
          ["2025-12", "cleared"],
          ["2026-01", "cleared"],
        ],
        "MONTH",
      ),
    ).toEqual([["2025-12", "2026-01", "cleared"]]);
    expect(encodeRuns([], "DAY")).toEqual([]);
  });

  it("throws on invalid keys", () => {
    expect(() => encodeRuns([["2025-02-29", "success"]], "DAY")).toThrow(RangeError);
  });
});

describe("statusAt / countByStatus / encodeRuns against a per-key reference", () => {
  const statuses: PartitionStatus[] = ["success", "failed", "cleared", "missing", "unknown"];
  for (const g of ["DAY", "MONTH"] as Granularity[]) {
    it(`${g}: 200 random status maps`, () => {
      const rand = seededRandom(g === "DAY" ? 5 : 6);
      for (let trial = 0; trial < 200; trial++) {
        const start = randomKey(rand, g, 2000, 2030);
        const window = refEnumerate(start, addKeys(start, randInt(rand, 0, 90), g), g);
        const truth = new Map<string, PartitionStatus>();
        let current = statuses[randInt(rand, 0, 4)] ?? "success";
        for (const k of window) {
          if (rand() < 0.2) current = statuses[randInt(rand, 0, 4)] ?? "success";
          if (rand() < 0.85) truth.set(k, current);
        }
        const runs = encodeRuns([...truth].reverse(), g);
        // Runs are sorted, disjoint, and never mergeable.
        for (let i = 1; i < runs.length; i++) {
          const a = runs[i - 1] as StatusRun;
          const b = runs[i] as StatusRun;
          expect(a[1] < b[0]).toBe(true);
          if (a[2] === b[2]) expect(addKeys(a[1], 1, g) < b[0]).toBe(true);
        }
        for (const k of window) expect(statusAt(runs, k)).toBe(truth.get(k));
        expect(statusAt(runs, addKeys(window[0] ?? start, -1, g))).toBeUndefined();
        const expected = { success: 0, failed: 0, cleared: 0, missing: 0, unknown: 0 };
        for (const s of truth.values()) expected[s]++;
        expect(countByStatus(runs, g)).toEqual(expected);
      }
    });
  }

  it("statusAt on an empty list is undefined", () => {
    expect(statusAt([], "2025-10-01")).toBeUndefined();
  });
});

describe("fillRuns", () => {
  const runs: StatusRun[] = [
    ["2025-09-25", "2025-10-02", "success"],
    ["2025-10-05", "2025-10-05", "failed"],
    ["2025-10-06", "2025-10-07", "missing"],
    ["2025-10-20", "2025-11-05", "cleared"],
  ];

  it("clips to the window and fills gaps, merging fill into equal neighbours", () => {
    expect(fillRuns(runs, { start: "2025-10-01", end: "2025-10-31" }, "missing", "DAY")).toEqual([
      ["2025-10-01", "2025-10-02", "success"],
      ["2025-10-03", "2025-10-04", "missing"],
      ["2025-10-05", "2025-10-05", "failed"],
      ["2025-10-06", "2025-10-19", "missing"],
      ["2025-10-20", "2025-10-31", "cleared"],
    ]);
  });

  it("covers every key of the window exactly once", () => {
    const window = { start: "2025-09-01", end: "2025-12-31" };
    const filled = fillRuns(runs, window, "unknown", "DAY");
    const covered = filled.flatMap(([s, e]) => refEnumerate(s, e, "DAY"));
    expect(covered).toEqual(refEnumerate(window.start, window.end, "DAY"));
    expect(statusAt(filled, "2025-09-24")).toBe("unknown");
    expect(statusAt(filled, "2025-11-05")).toBe("cleared");
    expect(statusAt(filled, "2025-11-06")).toBe("unknown");
  });

  it("handles no runs, unsorted runs, runs outside the window and an empty window", () => {
    expect(fillRuns([], { start: "2025-01", end: "2025-12" }, "missing", "MONTH")).toEqual([["2025-01", "2025-12", "missing"]]);
    expect(fillRuns([...runs].reverse(), { start: "2025-10-05", end: "2025-10-06" }, "missing", "DAY")).toEqual([
      ["2025-10-05", "2025-10-05", "failed"],
      ["2025-10-06", "2025-10-06", "missing"],
    ]);
    expect(fillRuns(runs, { start: "2026-01-01", end: "2026-01-03" }, "missing", "DAY")).toEqual([["2026-01-01", "2026-01-03", "missing"]]);
    expect(fillRuns(runs, { start: "2025-10-02", end: "2025-10-01" }, "missing", "DAY")).toEqual([]);
  });
});
