import { describe, expect, it } from "vitest";
import { canTimeRangesToRanges, rangesToCanTimeRanges } from "./ranges";

describe("rangesToCanTimeRanges", () => {
  it("produces the documented DAY request shape, ascending and merged", () => {
    expect(
      rangesToCanTimeRanges(
        [
          { start: "2025-10-22", end: "2025-10-22" },
          { start: "2025-10-20", end: "2025-10-20" },
          { start: "2025-10-18", end: "2025-10-19" },
          { start: "2025-10-24", end: "2025-10-24" },
        ],
        "DAY",
      ),
    ).toEqual([
      { dateGranularity: "DAY", startTime: "2025-10-18T00:00:00", endTime: "2025-10-20T00:00:00" },
      { dateGranularity: "DAY", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" },
      { dateGranularity: "DAY", startTime: "2025-10-24T00:00:00", endTime: "2025-10-24T00:00:00" },
    ]);
  });

  it("sends MONTH ranges as first days of months", () => {
    expect(rangesToCanTimeRanges([{ start: "2025-11", end: "2026-02" }], "MONTH")).toEqual([
      { dateGranularity: "MONTH", startTime: "2025-11-01T00:00:00", endTime: "2026-02-01T00:00:00" },
    ]);
  });

  it("returns [] for no ranges and throws on keys of the wrong granularity", () => {
    expect(rangesToCanTimeRanges([], "DAY")).toEqual([]);
    expect(() => rangesToCanTimeRanges([{ start: "2025-10", end: "2025-10" }], "DAY")).toThrow(RangeError);
  });
});

describe("canTimeRangesToRanges", () => {
  const day = (startTime: string, endTime: string, dateGranularity = "DAY") => ({ dateGranularity, startTime, endTime });

  it("accepts the documented example and normalizes it", () => {
    expect(canTimeRangesToRanges([day("2025-10-22T00:00:00", "2025-10-22T00:00:00"), day("2025-10-20T00:00:00", "2025-10-21T00:00:00")], "DAY")).toEqual({
      ok: true,
      ranges: [{ start: "2025-10-20", end: "2025-10-22" }],
    });
    expect(canTimeRangesToRanges([], "DAY")).toEqual({ ok: true, ranges: [] });
  });

  it("accepts bare dates, as canDateTimeToKey does", () => {
    expect(canTimeRangesToRanges([day("2025-10-20", "2025-10-21")], "DAY")).toEqual({
      ok: true,
      ranges: [{ start: "2025-10-20", end: "2025-10-21" }],
    });
  });

  it("names the item index and both fields when end is before start", () => {
    const list = [
      day("2025-09-01T00:00:00", "2025-09-01T00:00:00"),
      day("2025-09-02T00:00:00", "2025-09-03T00:00:00"),
      day("2025-10-05T00:00:00", "2025-10-01T00:00:00"),
    ];
    expect(canTimeRangesToRanges(list, "DAY")).toEqual({
      ok: false,
      error: "range 2: endTime 2025-10-01T00:00:00 is before startTime 2025-10-05T00:00:00",
    });
  });

  it("requires the plan's granularity exactly", () => {
    const r = canTimeRangesToRanges([day("2025-10-01T00:00:00", "2025-10-01T00:00:00"), day("2025-10-01T00:00:00", "2025-10-01T00:00:00", "day")], "DAY");
    expect(r).toEqual({ ok: false, error: 'range 1: dateGranularity "day" does not match the plan\'s granularity "DAY"' });
    const m = canTimeRangesToRanges([day("2025-10-01T00:00:00", "2025-10-01T00:00:00", "DAY")], "MONTH");
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error).toMatch(/^range 0: dateGranularity "DAY"/);
  });

  it.each([
    [day("2025-02-29T00:00:00", "2025-03-01T00:00:00"), "DAY", /^range 0: startTime "2025-02-29T00:00:00" is not a valid DAY/],
    [day("2025-02-28T00:00:00", "2025-02-30T00:00:00"), "DAY", /^range 0: endTime "2025-02-30T00:00:00" is not a valid DAY/],
    [day("2025-10-01T08:00:00", "2025-10-02T00:00:00"), "DAY", /^range 0: startTime .* \(expected YYYY-MM-DDT00:00:00\)$/],
    [day("2025-10-15T00:00:00", "2025-11-01T00:00:00", "MONTH"), "MONTH", /^range 0: startTime "2025-10-15T00:00:00" .* \(expected YYYY-MM-01T00:00:00\)$/],
    [day("2025-10-01T00:00:00", "2025-11-30T00:00:00", "MONTH"), "MONTH", /^range 0: endTime "2025-11-30T00:00:00"/],
    [day("2025-11-01T00:00:00", "2025-10-01T00:00:00", "MONTH"), "MONTH", /^range 0: endTime 2025-10-01T00:00:00 is before startTime 2025-11-01T00:00:00$/],
  ] as const)("rejects %j for %s", (item, g, message) => {
    const r = canTimeRangesToRanges([item], g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("survives raw JSON with wrong field types", () => {
    const raw = JSON.parse('[{"dateGranularity":"DAY","startTime":20251001,"endTime":null}, null]') as {
      dateGranularity: string;
      startTime: string;
      endTime: string;
    }[];
    const r = canTimeRangesToRanges(raw, "DAY");
    expect(r).toEqual({ ok: false, error: "range 0: startTime 20251001 is not a valid DAY date-time (expected YYYY-MM-DDT00:00:00)" });
    const r2 = canTimeRangesToRanges(raw.slice(1), "DAY");
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toMatch(/^range 0: is not an object/);
  });
});
