import { describe, expect, it } from "vitest";
import { todayKeyInZone } from "@/lib/partitions";
import { formatsByZone } from "./formats-by-zone";

const zoneDate = formatsByZone({ year: "numeric", month: "numeric", day: "numeric" });

describe("formatsByZone", () => {
  it("keeps one format per zone", () => {
    expect(zoneDate("Asia/Shanghai")).toBe(zoneDate("Asia/Shanghai"));
    expect(zoneDate("Asia/Shanghai")).not.toBe(zoneDate("America/Los_Angeles"));
  });

  it("gives each zone its own date from one instant, whichever was asked first", () => {
    const now = new Date("2026-12-06T03:00:00Z"); // Shanghai 11:00 on the 6th, Los Angeles 19:00 on the 5th
    expect(todayKeyInZone(now, "America/Los_Angeles", "DAY")).toBe("2026-12-05");
    expect(todayKeyInZone(now, "Asia/Shanghai", "DAY")).toBe("2026-12-06");
    expect(todayKeyInZone(now, "America/Los_Angeles", "MONTH")).toBe("2026-12");
    expect(todayKeyInZone(new Date("2026-12-01T03:00:00Z"), "America/Los_Angeles", "MONTH")).toBe("2026-11");
  });

  it("refuses a zone that does not exist, and keeps nothing for it", () => {
    expect(() => zoneDate("Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => zoneDate("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
