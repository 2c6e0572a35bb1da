import { describe, expect, it } from "vitest";
import type { Granularity } from "./granularity";
import { addKeys, compareKeys, isValidKey, keyDistance, nextKey, prevKey } from "./keys";
import { randInt, randomKey, refNext, seededRandom } from "./test-support";

const BOTH: Granularity[] = ["DAY", "MONTH"];

describe("isValidKey", () => {
  it.each([
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2025-04-30", true],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["1000-01-01", true],
    ["0999-12-31", false],
    ["9999-12-31", true],
    ["10000-01-01", false],
    ["2025-1-01", false],
    ["2025-01-1", false],
    ["20250101", false],
    ["2025-01-01T00:00:00", false],
    [" 2025-01-01", false],
    ["2025-10", false],
    ["", false],
  ])("DAY %j -> %s", (key, ok) => {
    expect(isValidKey(key, "DAY")).toBe(ok);
  });

  it.each([
    ["2025-10", true],
    ["2025-01", true],
    ["2025-12", true],
    ["2025-00", false],
    ["2025-13", false],
    ["1000-01", true],
    ["0999-12", false],
    ["9999-12", true],
    ["2025-1", false],
    ["202510", false],
    ["2025-10-01", false],
  ])("MONTH %j -> %s", (key, ok) => {
    expect(isValidKey(key, "MONTH")).toBe(ok);
  });
});

describe("compareKeys", () => {
  it("orders keys and sorts an array", () => {
    expect(compareKeys("2025-01-31", "2025-02-01")).toBeLessThan(0);
    expect(compareKeys("2025-02", "2024-12")).toBeGreaterThan(0);
    expect(compareKeys("2025-02-03", "2025-02-03")).toBe(0);
    expect(["2025-10-02", "2024-12-31", "2025-01-01"].sort(compareKeys)).toEqual(["2024-12-31", "2025-01-01", "2025-10-02"]);
  });
});

describe("nextKey / prevKey", () => {
  it.each([
    ["2025-01-31", "2025-02-01"],
    ["2025-02-28", "2025-03-01"],
    ["2024-02-28", "2024-02-29"],
    ["2024-02-29", "2024-03-01"],
    ["1900-02-28", "1900-03-01"],
    ["2000-02-28", "2000-02-29"],
    ["2025-04-30", "2025-05-01"],
    ["2025-12-31", "2026-01-01"],
    ["1999-12-31", "2000-01-01"],
  ])("DAY %s -> %s and back", (a, b) => {
    expect(nextKey(a, "DAY")).toBe(b);
    expect(prevKey(b, "DAY")).toBe(a);
  });

  it.each([
    ["2025-01", "2025-02"],
    ["2025-09", "2025-10"],
    ["2025-12", "2026-01"],
    ["1999-12", "2000-01"],
  ])("MONTH %s -> %s and back", (a, b) => {
    expect(nextKey(a, "MONTH")).toBe(b);
    expect(prevKey(b, "MONTH")).toBe(a);
  });

  it("throws at the edges of the 4-digit key space and on invalid keys", () => {
    expect(() => nextKey("9999-12-31", "DAY")).toThrow(RangeError);
    expect(() => prevKey("1000-01-01", "DAY")).toThrow(RangeError);
    expect(() => nextKey("9999-12", "MONTH")).toThrow(RangeError);
    expect(() => prevKey("1000-01", "MONTH")).toThrow(RangeError);
    expect(() => nextKey("2025-02-30", "DAY")).toThrow(RangeError);
    expect(() => nextKey("2025-10-01", "MONTH")).toThrow(RangeError);
  });

  it("matches the Date.UTC oracle for 2,000 random keys of each granularity", () => {
    const rand = seededRandom(42);
    for (const g of BOTH) {
      for (let i = 0; i < 2000; i++) {
        const k = randomKey(rand, g, 1001, 9998);
        const n = refNext(k, g);
        expect(nextKey(k, g)).toBe(n);
        expect(prevKey(n, g)).toBe(k);
      }
    }
  });
});

describe("addKeys / keyDistance", () => {
  it("moves across months, years and leap days, in both directions", () => {
    expect(addKeys("2024-02-28", 1, "DAY")).toBe("2024-02-29");
    expect(addKeys("2025-02-28", 1, "DAY")).toBe("2025-03-01");
    expect(addKeys("2025-01-01", -1, "DAY")).toBe("2024-12-31");
    expect(addKeys("2024-01-01", 366, "DAY")).toBe("2025-01-01");
    expect(addKeys("2025-01-01", 365, "DAY")).toBe("2026-01-01");
    expect(addKeys("2025-10-22", 0, "DAY")).toBe("2025-10-22");
    expect(addKeys("2025-10", 3, "MONTH")).toBe("2026-01");
    expect(addKeys("2025-10", -10, "MONTH")).toBe("2024-12");
    expect(addKeys("2025-10", -120, "MONTH")).toBe("2015-10");
  });

  it("rejects non-integer counts and results outside 1000..9999", () => {
    expect(() => addKeys("2025-10-22", 1.5, "DAY")).toThrow(RangeError);
    expect(() => addKeys("2025-10", 12 * 8000, "MONTH")).toThrow(RangeError);
  });

  it("keyDistance is b - a in units", () => {
    expect(keyDistance("2024-01-01", "2025-01-01", "DAY")).toBe(366);
    expect(keyDistance("2025-01-01", "2024-01-01", "DAY")).toBe(-366);
    expect(keyDistance("1900-01-01", "1901-01-01", "DAY")).toBe(365);
    expect(keyDistance("2000-01-01", "2001-01-01", "DAY")).toBe(366);
    expect(keyDistance("2025-10", "2025-10", "MONTH")).toBe(0);
    expect(keyDistance("2024-11", "2026-02", "MONTH")).toBe(15);
  });

  it("addKeys and keyDistance agree with stepping the oracle, for random keys and offsets", () => {
    const rand = seededRandom(7);
    for (const g of BOTH) {
      for (let i = 0; i < 200; i++) {
        const k = randomKey(rand, g);
        const n = randInt(rand, 0, 800);
        let expected = k;
        for (let j = 0; j < n; j++) expected = refNext(expected, g);
        expect(addKeys(k, n, g)).toBe(expected);
        expect(addKeys(expected, -n, g)).toBe(k);
        expect(keyDistance(k, expected, g)).toBe(n);
      }
    }
  });
});
