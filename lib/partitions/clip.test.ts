import { describe, expect, it } from "vitest";
import { rangesAfter, rangesOutside, rangesUpTo } from "./clip";

describe("rangesAfter / rangesUpTo", () => {
  const sel = [
    { start: "2026-12-01", end: "2026-12-10" },
    { start: "2030-01-01", end: "2030-01-05" },
    { start: "2026-11-01", end: "2026-11-02" },
  ];
  it("splits a selection at a day, the day itself belonging to the earlier part", () => {
    expect(rangesAfter(sel, "2026-12-05", "DAY")).toEqual([
      { start: "2026-12-06", end: "2026-12-10" },
      { start: "2030-01-01", end: "2030-01-05" },
    ]);
    expect(rangesUpTo(sel, "2026-12-05", "DAY")).toEqual([
      { start: "2026-11-01", end: "2026-11-02" },
      { start: "2026-12-01", end: "2026-12-05" },
    ]);
  });
  it("crosses month and year ends on the ordinal axis", () => {
    expect(rangesAfter([{ start: "2024-02-27", end: "2024-03-02" }], "2024-02-29", "DAY")).toEqual([{ start: "2024-03-01", end: "2024-03-02" }]);
    expect(rangesAfter([{ start: "2025-11", end: "2026-02" }], "2025-12", "MONTH")).toEqual([{ start: "2026-01", end: "2026-02" }]);
    expect(rangesUpTo([{ start: "2025-11", end: "2026-02" }], "2025-12", "MONTH")).toEqual([{ start: "2025-11", end: "2025-12" }]);
  });
  it("is empty when nothing lies beyond the bound", () => {
    expect(rangesAfter([{ start: "2026-12-01", end: "2026-12-05" }], "2026-12-05", "DAY")).toEqual([]);
    expect(rangesUpTo([{ start: "2026-12-06", end: "2026-12-07" }], "2026-12-05", "DAY")).toEqual([]);
  });
});

describe("rangesOutside", () => {
  it("keeps what lies before the window's start and after its end", () => {
    const window = { start: "2026-01-10", end: "2026-12-04" };
    expect(
      rangesOutside(
        [
          { start: "2026-01-01", end: "2026-01-12" },
          { start: "2026-06-01", end: "2026-06-02" },
          { start: "2026-12-01", end: "2026-12-31" },
        ],
        window,
        "DAY",
      ),
    ).toEqual([
      { start: "2026-01-01", end: "2026-01-09" },
      { start: "2026-12-05", end: "2026-12-31" },
    ]);
    expect(rangesOutside([{ start: "2025-12-01", end: "2027-01-01" }], window, "DAY")).toEqual([
      { start: "2025-12-01", end: "2026-01-09" },
      { start: "2026-12-05", end: "2027-01-01" },
    ]);
    expect(rangesOutside([{ start: "2026-02-01", end: "2026-02-01" }], window, "DAY")).toEqual([]);
  });
});
