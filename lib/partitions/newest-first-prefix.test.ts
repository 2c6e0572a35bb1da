import { describe, expect, it } from "vitest";
import { firstKeyOfYear, newestFirstPrefix, prefixCoversYear } from "./newest-first-prefix";

const days = (from: string, count: number, step = -1): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * step * 86_400_000).toISOString().slice(0, 10));

describe("newestFirstPrefix", () => {
  it("proves newest first within and across pages, naming the newest and oldest keys", () => {
    expect(newestFirstPrefix([days("2026-03-10", 3), days("2026-03-07", 3)], "DAY")).toEqual({
      kind: "newest-first",
      newest: "2026-03-10",
      oldest: "2026-03-05",
    });
  });

  it("reads every documented value form, and compares the keys, not the strings", () => {
    expect(newestFirstPrefix([["20260310", "2026-03-09"], ["20260308"]], "DAY")).toMatchObject({ kind: "newest-first", oldest: "2026-03-08" });
    expect(newestFirstPrefix([["2026-02", "202601", "2025-12"]], "MONTH")).toEqual({ kind: "newest-first", newest: "2026-02", oldest: "2025-12" });
  });

  it("proves nothing for the other reading of the order (oldest first)", () => {
    expect(newestFirstPrefix([days("2020-01-01", 5, 1)], "DAY")).toEqual({ kind: "unproven" });
    expect(newestFirstPrefix([["2025-12", "2026-01"]], "MONTH")).toEqual({ kind: "unproven" });
  });

  it("proves nothing when the pages are each newest first but out of order between them", () => {
    expect(newestFirstPrefix([days("2026-03-07", 3), days("2026-03-10", 3)], "DAY")).toEqual({ kind: "unproven" });
  });

  it("proves nothing for an unsorted page, a tie or a duplicate (a page read while the list shifted)", () => {
    expect(newestFirstPrefix([["2026-03-10", "2026-03-12", "2026-03-01"]], "DAY")).toEqual({ kind: "unproven" });
    expect(
      newestFirstPrefix(
        [
          ["2026-03-10", "2026-03-09"],
          ["2026-03-09", "2026-03-08"],
        ],
        "DAY",
      ),
    ).toEqual({ kind: "unproven" });
    // One key written two ways is a tie once parsed.
    expect(newestFirstPrefix([["2026-03-10", "20260310"]], "DAY")).toEqual({ kind: "unproven" });
    // Days on a MONTH plan: several values name one month.
    expect(newestFirstPrefix([["2026-03-10", "2026-03-09"]], "MONTH")).toEqual({ kind: "unproven" });
  });

  it("proves nothing past an empty page or without any page", () => {
    expect(newestFirstPrefix([days("2026-03-10", 2), [], days("2026-03-01", 2)], "DAY")).toEqual({ kind: "unproven" });
    expect(newestFirstPrefix([[]], "DAY")).toEqual({ kind: "unproven" });
    expect(newestFirstPrefix([], "DAY")).toEqual({ kind: "unproven" });
  });

  it("continues from the order of the pages before, as if it had read them all", () => {
    const a = days("2026-03-10", 3);
    const b = days("2026-03-07", 3);
    expect(newestFirstPrefix([b], "DAY", newestFirstPrefix([a], "DAY"))).toEqual(newestFirstPrefix([a, b], "DAY"));
    expect(newestFirstPrefix([a], "DAY", newestFirstPrefix([b], "DAY"))).toEqual({ kind: "unproven" });
    expect(newestFirstPrefix([b], "DAY", { kind: "unproven" })).toEqual({ kind: "unproven" });
  });

  it("proves nothing when a value is not a key of the plan's granularity", () => {
    expect(newestFirstPrefix([["2026-03-10", "yesterday", "2026-03-08"]], "DAY")).toEqual({ kind: "unproven" });
    expect(newestFirstPrefix([["2026-03-10", "2026-02-30"]], "DAY")).toEqual({ kind: "unproven" });
    // A month alone is not a day.
    expect(newestFirstPrefix([["2026-03-10", "2026-02"]], "DAY")).toEqual({ kind: "unproven" });
  });
});

describe("prefixCoversYear", () => {
  it("holds once the prefix reaches a partition before the year's first (DAY: before 1 January)", () => {
    const upToNewYear = newestFirstPrefix([days("2026-01-05", 5)], "DAY"); // 2026-01-05 … 2026-01-01
    expect(prefixCoversYear(upToNewYear, 2026, "DAY")).toBe(false);
    const pastNewYear = newestFirstPrefix([days("2026-01-05", 6)], "DAY"); // … 2025-12-31
    expect(prefixCoversYear(pastNewYear, 2026, "DAY")).toBe(true);
    expect(prefixCoversYear(pastNewYear, 2025, "DAY")).toBe(false);
  });

  it("holds for MONTH once it reaches a month before January", () => {
    expect(prefixCoversYear(newestFirstPrefix([["2026-03", "2026-02", "2026-01"]], "MONTH"), 2026, "MONTH")).toBe(false);
    expect(prefixCoversYear(newestFirstPrefix([["2026-03", "2026-01"], ["2025-12"]], "MONTH"), 2026, "MONTH")).toBe(true);
  });

  it("holds for a year the list has no partition of, once the prefix is older than it", () => {
    // The calendar opens on the year the plan is expected to reach, which may hold nothing yet.
    expect(prefixCoversYear(newestFirstPrefix([days("2024-06-30", 4)], "DAY"), 2026, "DAY")).toBe(true);
    // A year older than everything read so far: only the whole list can say it is empty.
    expect(prefixCoversYear(newestFirstPrefix([days("2024-06-30", 4)], "DAY"), 1999, "DAY")).toBe(false);
  });

  it("never holds for an unproven order, however old its values", () => {
    expect(prefixCoversYear(newestFirstPrefix([days("2020-01-01", 400, 1)], "DAY"), 2026, "DAY")).toBe(false);
    expect(prefixCoversYear({ kind: "unproven" }, 2026, "DAY")).toBe(false);
  });

  it("names each year's first partition", () => {
    expect(firstKeyOfYear(2026, "DAY")).toBe("2026-01-01");
    expect(firstKeyOfYear(2026, "MONTH")).toBe("2026-01");
  });
});
