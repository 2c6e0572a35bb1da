import { describe, expect, it } from "vitest";
import { parsePartitionValue } from "./keys";
import { isMonthOnlyValue } from "./parse-value";

describe("parsePartitionValue DAY", () => {
  it.each([
    ["2025-10-21", "2025-10-21"],
    ["20251021", "2025-10-21"],
    ["2025-10-21T00:00:00", "2025-10-21"],
    ["2025-10-21T13:45:10", "2025-10-21"],
    ["2025-10-21 00:00:00", "2025-10-21"],
    ["2025-10-21T23:59:59.999", "2025-10-21"],
    ["2025-10-21T08:30", "2025-10-21"],
    ["  2025-10-21\n", "2025-10-21"],
    ["2024-02-29", "2024-02-29"],
    ["20240229", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("%j -> %j", (value, key) => {
    expect(parsePartitionValue(value, "DAY")).toBe(key);
  });

  it.each([
    "2025-10", // a month names many day partitions, not one
    "202510",
    "2025-02-30",
    "20250230",
    "2025-02-29",
    "1900-02-29",
    "2025-13-01",
    "2025-10-21T24:00:00",
    "2025-10-21T12:60:00",
    "2025-10-21T12:00:60",
    "2025-10-21T00:00:00Z", // a zone could move the date; refuse to guess
    "2025-10-21T00:00:00+08:00",
    "2025/10/21",
    "21-10-2025",
    "2025-1-21",
    "0999-12-31",
    "",
    "yesterday",
  ])("%j -> null", (value) => {
    expect(parsePartitionValue(value, "DAY")).toBeNull();
  });
});

describe("parsePartitionValue MONTH (every value form)", () => {
  it.each([
    ["2025-10", "2025-10"],
    ["202510", "2025-10"],
    ["2025-10-01", "2025-10"],
    ["2025-10-21", "2025-10"],
    ["20251021", "2025-10"],
    ["20251001", "2025-10"],
    ["2025-10-01T00:00:00", "2025-10"],
    ["2025-10-31 23:00:00", "2025-10"],
    ["2024-02-29", "2024-02"],
    ["2025-12", "2025-12"],
    ["202501", "2025-01"],
  ])("%j -> %j", (value, key) => {
    expect(parsePartitionValue(value, "MONTH")).toBe(key);
  });

  it.each(["2025-13", "202500", "2025-02-29", "20250230", "2025-00-10", "2025", "2025-1", "20251", "09991"])("%j -> null", (value) => {
    expect(parsePartitionValue(value, "MONTH")).toBeNull();
  });
});

describe("isMonthOnlyValue", () => {
  it("distinguishes month values from day values and garbage", () => {
    expect(isMonthOnlyValue("2025-10")).toBe(true);
    expect(isMonthOnlyValue("202510")).toBe(true);
    expect(isMonthOnlyValue("2025-10-01")).toBe(false);
    expect(isMonthOnlyValue("2025-13")).toBe(false);
    expect(isMonthOnlyValue("nope")).toBe(false);
  });
});
