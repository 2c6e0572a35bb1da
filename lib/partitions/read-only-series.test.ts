import { describe, expect, it } from "vitest";
import { MAX_SERIES_CELLS, readOnlySeries } from "./read-only-series";

const item = (value: string, status: string | null = null) => ({ value, status });

describe("readOnlySeries", () => {
  it("lays weekly values out newest first, one cell per week, with the weeks CAN does not list as gaps", () => {
    const s = readOnlySeries("WEEK", [item("2026-11-30", "SUCCESS"), item("2026-11-16", "FAILED"), item("20261109"), item("2026-11-02")]);
    expect(s?.unit).toBe("week");
    expect(s?.cells.map((c) => [c.key, c.listed])).toEqual([
      ["2026-11-30", true],
      ["2026-11-23", false],
      ["2026-11-16", true],
      ["2026-11-09", true],
      ["2026-11-02", true],
    ]);
    expect(s?.gaps).toBe(1);
    expect(s?.cells[0]).toMatchObject({ status: "success", rawStatus: "SUCCESS" });
    expect(s?.cells[2]).toMatchObject({ status: "failed" });
    expect(s?.cells[3]).toMatchObject({ value: "20261109", status: null });
  });

  it("steps quarters and years on months, across year ends", () => {
    expect(readOnlySeries("QUARTER", [item("2026-04"), item("2025-10")])?.cells.map((c) => [c.key, c.listed])).toEqual([
      ["2026-04", true],
      ["2026-01", false],
      ["2025-10", true],
    ]);
    expect(readOnlySeries("year", [item("2026-01-01"), item("2023-01-01")])?.gaps).toBe(2);
  });

  it("shows values off the step or not dates apart, never placed or guessed", () => {
    const s = readOnlySeries("WEEK", [item("2026-11-30"), item("2026-11-25"), item("week 48"), item("2026-11-23")]);
    expect(s?.cells.map((c) => c.key)).toEqual(["2026-11-30", "2026-11-23"]);
    expect(s?.gaps).toBe(0);
    expect(s?.offGrid.sort()).toEqual(["2026-11-25", "week 48"]);
  });

  it("cuts a span longer than the cap and says so", () => {
    const s = readOnlySeries("WEEK", [item("2026-11-30"), item("2000-01-03")]);
    expect(s?.cells).toHaveLength(MAX_SERIES_CELLS);
    expect(s?.truncated).toBe(true);
    expect(s?.offGrid).toEqual([]);
  });

  it("leaves granularities without a fixed date step, and lists with no date, to CAN's plain list", () => {
    expect(readOnlySeries("HOUR", [item("2026-11-30 13")])).toBeNull();
    expect(readOnlySeries(null, [item("2026-11-30")])).toBeNull();
    expect(readOnlySeries("WEEK", [item("w48")])).toBeNull();
    expect(readOnlySeries("WEEK", [])).toBeNull();
  });
});
