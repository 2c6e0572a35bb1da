import { describe, expect, it } from "vitest";
import type { Granularity } from "./granularity";
import { canDateTimeToKey, enumerateKeys, keyToCanDateTime, localTodayKey, todayKeyInZone, yearOfKey } from "./keys";
import { randomKey, refEnumerate, seededRandom } from "./test-support";

const BOTH: Granularity[] = ["DAY", "MONTH"];

describe("CAN date-times", () => {
  it("encodes DAY and MONTH keys as CAN expects", () => {
    expect(keyToCanDateTime("2025-10-22", "DAY")).toBe("2025-10-22T00:00:00");
    expect(keyToCanDateTime("2025-10", "MONTH")).toBe("2025-10-01T00:00:00");
    expect(keyToCanDateTime("2024-02-29", "DAY")).toBe("2024-02-29T00:00:00");
  });

  it("refuses to encode invalid keys", () => {
    expect(() => keyToCanDateTime("2025-02-29", "DAY")).toThrow(RangeError);
    expect(() => keyToCanDateTime("2025-10", "DAY")).toThrow(RangeError);
    expect(() => keyToCanDateTime("2025-10-01", "MONTH")).toThrow(RangeError);
  });

  it.each([
    ["2025-10-22T00:00:00", "DAY", "2025-10-22"],
    ["2025-10-22", "DAY", "2025-10-22"],
    ["2024-02-29T00:00:00", "DAY", "2024-02-29"],
    ["2025-02-29T00:00:00", "DAY", null],
    ["2025-10-22T00:00:01", "DAY", null],
    ["2025-10-22T12:00:00", "DAY", null],
    ["2025-10-22 00:00:00", "DAY", null],
    ["2025-10-22T00:00:00Z", "DAY", null],
    ["2025-10-22T00:00:00.000", "DAY", null],
    ["20251022", "DAY", null],
    ["2025-10", "DAY", null],
    ["2025-10-01T00:00:00", "MONTH", "2025-10"],
    ["2025-10-01", "MONTH", "2025-10"],
    ["2025-10-02T00:00:00", "MONTH", null],
    ["2025-13-01T00:00:00", "MONTH", null],
    ["2025-10", "MONTH", null],
    ["", "MONTH", null],
  ] as const)("canDateTimeToKey(%j, %s) -> %j", (s, g, expected) => {
    expect(canDateTimeToKey(s, g)).toBe(expected);
  });

  it("round-trips every key of a leap year and 1,000 random keys of each granularity", () => {
    const rand = seededRandom(3);
    for (const g of BOTH) {
      const keys = [...(g === "DAY" ? refEnumerate("2024-01-01", "2024-12-31", g) : [])];
      for (let i = 0; i < 1000; i++) keys.push(randomKey(rand, g, 1000, 9999));
      for (const k of keys) expect(canDateTimeToKey(keyToCanDateTime(k, g), g)).toBe(k);
    }
  });
});

describe("enumerateKeys", () => {
  it("is inclusive and crosses month, year and leap boundaries", () => {
    expect(enumerateKeys("2024-02-27", "2024-03-01", "DAY")).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(enumerateKeys("2025-02-27", "2025-03-01", "DAY")).toEqual(["2025-02-27", "2025-02-28", "2025-03-01"]);
    expect(enumerateKeys("2025-11", "2026-02", "MONTH")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(enumerateKeys("2025-10-22", "2025-10-22", "DAY")).toEqual(["2025-10-22"]);
  });

  it("returns [] when end < start", () => {
    expect(enumerateKeys("2025-10-22", "2025-10-21", "DAY")).toEqual([]);
    expect(enumerateKeys("2025-10", "2025-09", "MONTH")).toEqual([]);
  });

  it("matches the oracle over whole years", () => {
    for (const [a, b] of [
      ["1900-01-01", "1900-12-31"],
      ["2000-01-01", "2000-12-31"],
      ["2023-06-15", "2025-03-10"],
    ] as const) {
      expect(enumerateKeys(a, b, "DAY")).toEqual(refEnumerate(a, b, "DAY"));
    }
    expect(enumerateKeys("1998-05", "2003-02", "MONTH")).toEqual(refEnumerate("1998-05", "2003-02", "MONTH"));
  });
});

describe("localTodayKey", () => {
  it("uses the local calendar date of a locally constructed time, late and early in the day", () => {
    expect(localTodayKey(new Date(2025, 9, 22, 23, 59, 59), "DAY")).toBe("2025-10-22");
    expect(localTodayKey(new Date(2025, 9, 22, 0, 0, 0), "DAY")).toBe("2025-10-22");
    expect(localTodayKey(new Date(2024, 1, 29, 12), "DAY")).toBe("2024-02-29");
    expect(localTodayKey(new Date(2025, 11, 31, 23, 30), "MONTH")).toBe("2025-12");
  });

  it("agrees with Intl's rendering of the same instant in the runtime's zone", () => {
    // 20:00 UTC is already the next day in Asia/Shanghai, still the same day in Los Angeles.
    const fmt = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
    for (const iso of ["2025-10-22T20:00:00Z", "2025-10-22T03:00:00Z", "2025-12-31T18:00:00Z", "2026-01-01T05:00:00Z"]) {
      const now = new Date(iso);
      const expected = fmt.format(now);
      expect(localTodayKey(now, "DAY")).toBe(expected);
      expect(localTodayKey(now, "MONTH")).toBe(expected.slice(0, 7));
    }
  });

  it("reads the local calendar fields, not UTC ones (zone simulated, so this holds even when TZ=UTC)", () => {
    // An instant that is 2025-10-22 in UTC but already 2025-10-23 on the user's wall clock (e.g. Shanghai).
    class ShanghaiDate extends Date {
      override getFullYear(): number {
        return 2025;
      }
      override getMonth(): number {
        return 9;
      }
      override getDate(): number {
        return 23;
      }
    }
    const now = new ShanghaiDate("2025-10-22T20:00:00Z");
    expect(localTodayKey(now, "DAY")).toBe("2025-10-23");
    expect(localTodayKey(now, "MONTH")).toBe("2025-10");
  });

  it("rejects an invalid Date", () => {
    expect(() => localTodayKey(new Date(Number.NaN), "DAY")).toThrow(RangeError);
  });
});

describe("yearOfKey", () => {
  it("reads the year of both key forms", () => {
    expect(yearOfKey("2025-10-22")).toBe(2025);
    expect(yearOfKey("1999-12")).toBe(1999);
    expect(() => yearOfKey("garbage")).toThrow(RangeError);
  });
});

describe("todayKeyInZone", () => {
  it("takes the date in the named zone, whatever zone the runtime is in", () => {
    // 2026-12-05T20:00Z: already the 6th in Shanghai, still the 5th in Los Angeles and UTC.
    const now = new Date("2026-12-05T20:00:00Z");
    expect(todayKeyInZone(now, "Asia/Shanghai", "DAY")).toBe("2026-12-06");
    expect(todayKeyInZone(now, "America/Los_Angeles", "DAY")).toBe("2026-12-05");
    expect(todayKeyInZone(now, "UTC", "DAY")).toBe("2026-12-05");
    // New Year's Eve in UTC is already January in Shanghai.
    const eve = new Date("2026-12-31T18:00:00Z");
    expect(todayKeyInZone(eve, "Asia/Shanghai", "MONTH")).toBe("2027-01");
    expect(todayKeyInZone(eve, "America/Los_Angeles", "MONTH")).toBe("2026-12");
  });

  it("agrees with localTodayKey in the runtime's own zone", () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of ["2025-10-22T20:00:00Z", "2025-10-22T03:00:00Z", "2024-02-29T23:59:59Z"]) {
      expect(todayKeyInZone(new Date(iso), zone, "DAY")).toBe(localTodayKey(new Date(iso), "DAY"));
    }
  });
});
