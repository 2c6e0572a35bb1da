import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isRealDate } from "./calendar";

describe("isLeapYear", () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1600, true],
    [1004, true],
  ])("%i -> %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe("daysInMonth / isRealDate", () => {
  it("knows February in leap and common years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
  it("knows 30- and 31-day months", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
  it("rejects impossible dates and out-of-range years", () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2025, 2, 29)).toBe(false);
    expect(isRealDate(2025, 4, 31)).toBe(false);
    expect(isRealDate(2025, 0, 1)).toBe(false);
    expect(isRealDate(2025, 13, 1)).toBe(false);
    expect(isRealDate(2025, 1, 0)).toBe(false);
    expect(isRealDate(999, 12, 31)).toBe(false);
    expect(isRealDate(1000, 1, 1)).toBe(true);
    expect(isRealDate(9999, 12, 31)).toBe(true);
    expect(isRealDate(10000, 1, 1)).toBe(false);
    expect(isRealDate(2025, 1.5, 1)).toBe(false);
  });
});

describe("daysFromCivil / civilFromDays", () => {
  it("day 0 is 1970-01-01", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
  });

  it("agrees with Date.UTC on every day from 1000-01-01 to 9999-12-31 and round-trips", () => {
    let expected = Date.UTC(1000, 0, 1) / 86_400_000;
    let mismatches = 0;
    for (let y = 1000; y <= 9999; y++) {
      for (let m = 1; m <= 12; m++) {
        const dim = daysInMonth(y, m);
        for (let d = 1; d <= dim; d++) {
          const n = daysFromCivil(y, m, d);
          if (n !== expected) mismatches++;
          const back = civilFromDays(n);
          if (back.year !== y || back.month !== m || back.day !== d) mismatches++;
          expected++;
        }
      }
    }
    expect(mismatches).toBe(0);
    // Consecutive days with no gaps means the month lengths match Date.UTC's calendar too.
    expect(expected).toBe(Date.UTC(10000, 0, 1) / 86_400_000);
  });
});
