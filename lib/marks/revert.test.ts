import { describe, expect, it } from "vitest";
import type { StatusRun } from "@/lib/partitions";
import { beforeRunsIn, recordedBeforeOf, revertOfDetails } from "./before-runs";
import { MARK_KINDS } from "./kinds";
import { planRevert, type RevertStretch } from "./revert-plan";
import { revertStateOf } from "./revert-state";
import { markedRanges, revertStretches } from "./revert-stretches";

// A plan's March 2023: 1–2 success, 3 failed, 4 cleared, 5 missing; the 6th lies outside its window.
const BEFORE: StatusRun[] = [
  ["2023-03-01", "2023-03-02", "success"],
  ["2023-03-03", "2023-03-03", "failed"],
  ["2023-03-04", "2023-03-04", "cleared"],
  ["2023-03-05", "2023-03-05", "missing"],
];
const MARK = [{ start: "2023-03-01", end: "2023-03-06" }];

describe("before-runs kept in the intent row", () => {
  it("keeps each partition's status over exactly the mark's ranges, keys in no run as outside", () => {
    expect(beforeRunsIn(BEFORE, MARK, "DAY")).toEqual([
      ["2023-03-01", "2023-03-02", "success"],
      ["2023-03-03", "2023-03-03", "failed"],
      ["2023-03-04", "2023-03-04", "cleared"],
      ["2023-03-05", "2023-03-05", "missing"],
      ["2023-03-06", "2023-03-06", "outside"],
    ]);
    // Clipped to several ranges, a run split between them; runs outside the ranges dropped.
    expect(
      beforeRunsIn(
        BEFORE,
        [
          { start: "2023-03-02", end: "2023-03-02" },
          { start: "2023-03-04", end: "2023-03-04" },
        ],
        "DAY",
      ),
    ).toEqual([
      ["2023-03-02", "2023-03-02", "success"],
      ["2023-03-04", "2023-03-04", "cleared"],
    ]);
    expect(beforeRunsIn([], [{ start: "2023-01", end: "2023-02" }], "MONTH")).toEqual([["2023-01", "2023-02", "outside"]]);
  });

  it("reads stored details back; old rows (no `before`) and malformed ones read as null", () => {
    const runs = beforeRunsIn(BEFORE, MARK, "DAY");
    expect(recordedBeforeOf(JSON.parse(JSON.stringify({ statusesRead: {}, before: { known: true, runs } })))).toEqual({ known: true, runs });
    expect(recordedBeforeOf({ before: { known: false } })).toEqual({ known: false });
    expect(recordedBeforeOf({ statusesRead: { from: "fresh read" } })).toBeNull();
    expect(recordedBeforeOf(null)).toBeNull();
    expect(recordedBeforeOf({ before: { known: true, runs: [["2023-03-01", "2023-03-01", "gone"]] } })).toBeNull();
    expect(revertOfDetails({ revertOf: "abc" })).toBe("abc");
    expect(revertOfDetails({})).toBeNull();
  });

  it("offers Revert only on partition marks CAN accepted, and says why for rows recorded before runs were kept", () => {
    const kept = { before: { known: true, runs: [] } };
    expect(revertStateOf("partition.mark_failed", "ok", false, kept)).toBe("revertible");
    expect(revertStateOf("partition.clear", "ok", false, { before: { known: false } })).toBe("revertible");
    expect(revertStateOf("partition.mark_success", "ok", false, { statusesRead: {} })).toBe("no-before");
    expect(revertStateOf("partition.mark_success", "rejected", false, kept)).toBeNull();
    expect(revertStateOf("partition.mark_success", "unknown", true, kept)).toBeNull();
    expect(revertStateOf("plan.mark_refreshed", "ok", false, kept)).toBeNull();
    expect(revertStateOf("role.grant", null, false, kept)).toBeNull();
  });
});

const stretchesFor = (over: Partial<Parameters<typeof revertStretches>[0]> = {}) =>
  revertStretches({
    g: "DAY",
    marked: markedRanges("partition.mark_failed", [{ ...MARK[0]!, status: "failed" }]),
    before: beforeRunsIn(BEFORE, MARK, "DAY"),
    laterMarks: [],
    laterOutside: [],
    current: [["2023-03-01", "2023-03-06", "failed"]],
    ...over,
  });

describe("the revert plan: statuses before → requests", () => {
  it("restores success and failed in one updatePartition and cleared, missing and outside in one clearPartition", () => {
    const plan = planRevert("DAY", stretchesFor(), { include: [], pick: [] });
    expect(plan.leftOut).toEqual([]);
    // The failed day was failed before: nothing to send for it.
    expect(plan.alreadyBefore).toBe(1);
    expect(plan.changes).toEqual([
      { change: { kind: "update", granularity: "DAY", success: [{ start: "2023-03-01", end: "2023-03-02" }], failed: [] }, partitions: 2 },
      { change: { kind: "clear", granularity: "DAY", ranges: [{ start: "2023-03-04", end: "2023-03-06" }] }, partitions: 3 },
    ]);
    const [update, clear] = plan.changes;
    expect(MARK_KINDS.success.body("p1", update!.change)).toEqual({
      uuid: "p1",
      runType: "MANUAL",
      successTimeRange: [{ dateGranularity: "DAY", startTime: "2023-03-01T00:00:00", endTime: "2023-03-02T00:00:00" }],
    });
    expect(MARK_KINDS.clear.body("p1", clear!.change)).toEqual({
      uuid: "p1",
      timeRange: [{ dateGranularity: "DAY", startTime: "2023-03-04T00:00:00", endTime: "2023-03-06T00:00:00" }],
    });
  });

  it("sends success and failed together when both are restored (one call, the kinds table's mixed mark)", () => {
    const stretches: RevertStretch[] = [
      { start: "2023-03-01", end: "2023-03-01", before: "success", set: "cleared", changed: null },
      { start: "2023-03-02", end: "2023-03-02", before: "failed", set: "cleared", changed: null },
    ];
    const plan = planRevert("DAY", stretches, { include: [], pick: [] });
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]?.change).toEqual({
      kind: "update",
      granularity: "DAY",
      success: [{ start: "2023-03-01", end: "2023-03-01" }],
      failed: [{ start: "2023-03-02", end: "2023-03-02" }],
    });
  });

  it("leaves unknown prior statuses out unless a status is picked for them", () => {
    const unknown = stretchesFor({ before: null });
    expect(unknown.every((s) => s.before === null && s.changed === null)).toBe(true);
    const none = planRevert("DAY", unknown, { include: [], pick: [] });
    expect(none.changes).toEqual([]);
    expect(none.leftOut).toEqual([{ start: "2023-03-01", end: "2023-03-06", why: "unknown" }]);
    const picked = planRevert("DAY", unknown, { include: [], pick: [{ start: "2023-03-01", end: "2023-03-06", status: "success" }] });
    expect(picked.changes.map((c) => c.change)).toEqual([
      { kind: "update", granularity: "DAY", success: [{ start: "2023-03-01", end: "2023-03-06" }], failed: [] },
    ]);
  });
});

describe("partitions changed since the mark", () => {
  it("reports a later console mark, an outside change and a listing that differs, and leaves them out by default", () => {
    const stretches = stretchesFor({
      laterMarks: [{ intentId: "m2", actor: "admin", at: "2026-12-01T00:00:00.000Z", ranges: [{ start: "2023-03-01", end: "2023-03-01" }] }],
      laterOutside: [{ at: "2026-12-02T00:00:00.000Z", ranges: [{ start: "2023-03-04", end: "2023-03-04" }] }],
      current: [
        ["2023-03-01", "2023-03-04", "failed"],
        ["2023-03-05", "2023-03-05", "success"],
        ["2023-03-06", "2023-03-06", "failed"],
      ],
    });
    expect(stretches.map((s) => [s.start, s.end, s.changed?.by ?? null])).toEqual([
      ["2023-03-01", "2023-03-01", "mark"],
      ["2023-03-02", "2023-03-02", null],
      ["2023-03-03", "2023-03-03", null],
      ["2023-03-04", "2023-03-04", "outside"],
      ["2023-03-05", "2023-03-05", "listing"],
      ["2023-03-06", "2023-03-06", null],
    ]);
    expect(stretches[4]?.changed).toEqual({ by: "listing", now: "success" });
    const plan = planRevert("DAY", stretches, { include: [], pick: [] });
    expect(plan.leftOut.map((l) => [l.start, l.why])).toEqual([
      ["2023-03-01", "changed"],
      ["2023-03-04", "changed"],
      ["2023-03-05", "changed"],
    ]);
    expect(plan.restored).toEqual([
      { start: "2023-03-02", end: "2023-03-02", to: "success" },
      { start: "2023-03-06", end: "2023-03-06", to: "cleared" },
    ]);
    // Included on purpose: the re-marked day goes back to its status before the original mark.
    const included = planRevert("DAY", stretches, { include: [{ start: "2023-03-01", end: "2023-03-01" }], pick: [] });
    expect(included.restored[0]).toEqual({ start: "2023-03-01", end: "2023-03-01", to: "success" });
  });

  it("counts a failed or cleared mark that CAN no longer lists as unchanged (its documented list holds materialized partitions only)", () => {
    expect(stretchesFor({ current: [] }).every((s) => s.changed === null)).toBe(true);
    const cleared = revertStretches({
      g: "DAY",
      marked: markedRanges("partition.clear", [{ start: "2023-03-01", end: "2023-03-02" }]),
      before: [["2023-03-01", "2023-03-02", "success"]],
      laterMarks: [],
      laterOutside: [],
      current: [["2023-03-01", "2023-03-01", "missing"]],
    });
    expect(cleared).toEqual([{ start: "2023-03-01", end: "2023-03-02", before: "success", set: "cleared", changed: null }]);
  });
});
