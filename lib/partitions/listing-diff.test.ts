import { describe, expect, it } from "vitest";
import { changedKeyCount, diffListings, listedRuns, markExplains, unexplainedChanges } from "./listing-diff";
import type { StatusRun } from "./runs";

describe("listedRuns", () => {
  it("reads a listed value without status as success, CAN's statuses as given, and leaves unlisted keys out", () => {
    const runs = listedRuns(
      [{ key: "2026-01-03" }, { key: "2026-01-02" }, { key: "2026-01-01", status: "FAILED" }, { key: "2026-01-05", status: "WEIRD" }],
      "DAY",
    );
    expect(runs).toEqual([
      ["2026-01-01", "2026-01-01", "failed"],
      ["2026-01-02", "2026-01-03", "success"],
      ["2026-01-05", "2026-01-05", "unknown"],
    ]);
  });
});

describe("diffListings", () => {
  it("reports nothing for identical reads", () => {
    const runs: StatusRun[] = [["2026-01-01", "2026-01-31", "success"]];
    expect(diffListings(runs, runs, "DAY")).toEqual([]);
  });

  it("gives keys that appeared, disappeared or changed status as ranges with before → after", () => {
    const before: StatusRun[] = [
      ["2026-01-01", "2026-01-10", "success"],
      ["2026-01-11", "2026-01-11", "failed"],
    ];
    const after: StatusRun[] = [
      ["2026-01-01", "2026-01-03", "success"],
      ["2026-01-06", "2026-01-12", "success"],
    ];
    expect(diffListings(before, after, "DAY")).toEqual([
      { start: "2026-01-04", end: "2026-01-05", before: "success", after: "missing" },
      { start: "2026-01-11", end: "2026-01-11", before: "failed", after: "success" },
      { start: "2026-01-12", end: "2026-01-12", before: "missing", after: "success" },
    ]);
  });

  it("does not join ranges across a gap, and works on MONTH keys", () => {
    const after: StatusRun[] = [
      ["2025-01", "2025-02", "success"],
      ["2025-04", "2025-04", "success"],
    ];
    const changes = diffListings([], after, "MONTH");
    expect(changes).toEqual([
      { start: "2025-01", end: "2025-02", before: "missing", after: "success" },
      { start: "2025-04", end: "2025-04", before: "missing", after: "success" },
    ]);
    expect(changedKeyCount(changes, "MONTH")).toBe(3);
  });
});

describe("unexplainedChanges", () => {
  const changes = [{ start: "2026-01-01", end: "2026-01-05", before: "missing" as const, after: "success" as const }];

  it("keeps every change when no console mark was recorded between the reads", () => {
    expect(unexplainedChanges(changes, [], "DAY")).toEqual(changes);
  });

  it("drops the keys a console mark with that resulting status covers, splitting the range around them", () => {
    const marks = [
      { key: "2026-01-02", status: "success" as const },
      { key: "2026-01-03", status: "success" as const },
    ];
    expect(unexplainedChanges(changes, marks, "DAY")).toEqual([
      { start: "2026-01-01", end: "2026-01-01", before: "missing", after: "success" },
      { start: "2026-01-04", end: "2026-01-05", before: "missing", after: "success" },
    ]);
  });

  it("does not let a mark with another resulting status explain a change", () => {
    const marks = [{ key: "2026-01-02", status: "failed" as const }];
    expect(unexplainedChanges(changes, marks, "DAY")).toEqual(changes);
  });

  it("reads a key no longer listed as what a failed or cleared mark leaves behind", () => {
    const gone = [{ start: "2026-01-01", end: "2026-01-02", before: "success" as const, after: "missing" as const }];
    expect(
      unexplainedChanges(
        gone,
        [
          { key: "2026-01-01", status: "cleared" },
          { key: "2026-01-02", status: "failed" },
        ],
        "DAY",
      ),
    ).toEqual([]);
    expect(unexplainedChanges(gone, [{ key: "2026-01-01", status: "success" }], "DAY")).toEqual([
      { start: "2026-01-01", end: "2026-01-02", before: "success", after: "missing" },
    ]);
  });
});

describe("markExplains", () => {
  it("matches each mark to the listed statuses it can leave", () => {
    expect(markExplains("success", "success")).toBe(true);
    expect(markExplains("success", "missing")).toBe(false);
    expect(markExplains("failed", "failed")).toBe(true);
    expect(markExplains("failed", "success")).toBe(false);
    expect(markExplains("cleared", "missing")).toBe(true);
    expect(markExplains("cleared", "failed")).toBe(false);
  });
});
