import { describe, expect, it } from "vitest";
import { parseInstant } from "./instants";

describe("parseInstant", () => {
  it.each([
    "2025-10-22T10:15:30Z",
    "2025-10-22T10:15:30.123Z",
    "2025-10-22T10:15:30+08:00",
    "2025-10-22T10:15:30-07:00",
    "2024-02-29T23:59:59.999Z",
    "1999-12-31T23:00:00-05:30",
  ])("matches Date.parse for the zoned value %s", (s) => {
    expect(parseInstant(s)).toBe(Date.parse(s));
  });

  it("reads zone-less values at the given offset, never the runtime's zone", () => {
    const utc = Date.UTC(2025, 9, 22, 10, 15, 30);
    expect(parseInstant("2025-10-22T10:15:30")).toBe(utc);
    expect(parseInstant("2025-10-22 10:15:30")).toBe(utc);
    expect(parseInstant("2025-10-22 10:15:30", 480)).toBe(utc - 8 * 3_600_000);
    expect(parseInstant("2025-10-22")).toBe(Date.UTC(2025, 9, 22));
    expect(parseInstant("2025-10-22T10:15:30+0800")).toBe(utc - 8 * 3_600_000);
  });

  it("reads epoch seconds and milliseconds", () => {
    expect(parseInstant("1761128130")).toBe(1_761_128_130_000);
    expect(parseInstant("1761128130123")).toBe(1_761_128_130_123);
  });

  it.each([undefined, "", "yesterday", "2025-02-30T00:00:00Z", "2025-10-22T25:00:00Z", "2025-10-22T10:00:00+15:00", "12345"])("returns null for %j", (s) => {
    expect(parseInstant(s)).toBeNull();
  });
});
