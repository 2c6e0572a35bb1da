import { describe, expect, it } from "vitest";
import { todayKeyInZone } from "@/lib/partitions";
import { expectedPartition, lateDays, lateness, needsAttention, stripLength, stripWindow, windowCounts } from "./freshness";

// Run under TZ=America/Los_Angeles and TZ=Asia/Shanghai: every answer here is a calendar date and
// must not move with the process's zone.

describe("expected partition", () => {
  it("is yesterday for DAY and last month for MONTH when the plan gives no upper interval", () => {
    expect(expectedPartition("2026-03-01", undefined, "DAY")).toBe("2026-02-28");
    expect(expectedPartition("2024-03-01", null, "DAY")).toBe("2024-02-29");
    expect(expectedPartition("2026-01-01", undefined, "DAY")).toBe("2025-12-31");
    expect(expectedPartition("2026-01", undefined, "MONTH")).toBe("2025-12");
  });

  it("follows updateUpperInterval in the plan's granularity", () => {
    expect(expectedPartition("2026-03-31", -3, "DAY")).toBe("2026-03-28");
    expect(expectedPartition("2026-03", -2, "MONTH")).toBe("2026-01");
    expect(expectedPartition("2026-03-15", 0, "DAY")).toBe("2026-03-15");
  });

  it("depends on the server zone's today, not the process's: one instant, two calendar dates", () => {
    // 07:30 UTC on 1 March is 23:30 on 28 February in Los Angeles and 15:30 on 1 March in Shanghai.
    const now = new Date("2026-03-01T07:30:00Z");
    expect(expectedPartition(todayKeyInZone(now, "America/Los_Angeles", "DAY"), -1, "DAY")).toBe("2026-02-27");
    expect(expectedPartition(todayKeyInZone(now, "Asia/Shanghai", "DAY"), -1, "DAY")).toBe("2026-02-28");
    expect(expectedPartition(todayKeyInZone(now, "America/Los_Angeles", "MONTH"), -1, "MONTH")).toBe("2026-01");
    expect(expectedPartition(todayKeyInZone(now, "Asia/Shanghai", "MONTH"), -1, "MONTH")).toBe("2026-02");
  });
});

describe("strip window", () => {
  it("holds the last thirty days or twelve months up to the expected partition", () => {
    expect(stripWindow("2026-03-01", "2026-03-02", "DAY")).toEqual({ start: "2026-01-31", end: "2026-03-01" });
    expect(stripWindow("2024-03-01", "2024-03-02", "DAY")).toEqual({ start: "2024-02-01", end: "2024-03-01" });
    expect(stripWindow("2026-02", "2026-03", "MONTH")).toEqual({ start: "2025-03", end: "2026-02" });
    expect([stripLength("DAY"), stripLength("MONTH")]).toEqual([30, 12]);
  });

  it("never reaches past today when the schedule expects a future partition", () => {
    expect(stripWindow("2026-03-03", "2026-03-01", "DAY")).toEqual({ start: "2026-01-31", end: "2026-03-01" });
    expect(stripWindow("2026-05", "2026-03", "MONTH")).toEqual({ start: "2025-04", end: "2026-03" });
  });
});

describe("lateness", () => {
  it("counts days across month ends and leap days", () => {
    expect(lateness("2026-03-01", "2026-01-31", "DAY")).toBe(29);
    expect(lateness("2026-02-28", "2026-01-31", "DAY")).toBe(28);
    expect(lateness("2024-03-01", "2024-02-28", "DAY")).toBe(2);
    expect(lateness("2026-01-01", "2025-12-31", "DAY")).toBe(1);
  });

  it("counts months across year ends", () => {
    expect(lateness("2026-02", "2025-10", "MONTH")).toBe(4);
    expect(lateness("2026-01", "2025-12", "MONTH")).toBe(1);
  });

  it("is told in days for sorting, a MONTH plan by its months' last days", () => {
    expect(lateDays("2026-11", "2026-09", "MONTH")).toBe(61);
    expect(lateDays("2024-03", "2024-01", "MONTH")).toBe(60);
    expect(lateDays("2026-02", "2026-01", "MONTH")).toBe(28);
    expect(lateDays("2026-12-04", "2026-10-25", "DAY")).toBe(40);
    expect(lateDays("2026-02", "2026-03", "MONTH")).toBe(0);
    expect(lateDays("2026-02", null, "MONTH")).toBeNull();
  });

  it("is zero when on time or ahead, and null when no success is known", () => {
    expect(lateness("2026-02-28", "2026-02-28", "DAY")).toBe(0);
    expect(lateness("2026-02-28", "2026-03-01", "DAY")).toBe(0);
    expect(lateness("2026-02", null, "MONTH")).toBeNull();
  });
});

describe("needs attention", () => {
  const clean = windowCounts(["success", "success", "cleared", null]);
  it("counts failed, missing and unknown only", () => {
    expect(clean).toEqual({ failed: 0, missing: 0, unknown: 0 });
    expect(windowCounts(["failed", "missing", "missing", "unknown", "success"])).toEqual({ failed: 1, missing: 2, unknown: 1 });
  });

  it("flags a late plan, a plan with no success, and a plan with a gap in its window", () => {
    expect(needsAttention(0, clean)).toBe(false);
    expect(needsAttention(3, clean)).toBe(true);
    expect(needsAttention(null, clean)).toBe(true);
    expect(needsAttention(0, { failed: 0, missing: 1, unknown: 0 })).toBe(true);
  });
});
