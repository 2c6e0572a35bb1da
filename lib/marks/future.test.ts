import { describe, expect, it } from "vitest";
import { futureRefusal } from "./future";
import { needsTypedName } from "./kinds";

const today = { key: "2026-12-05", zone: "America/Los_Angeles" };
const day = (start: string, end = start) => ({ start, end });

describe("futureRefusal", () => {
  it("refuses success and failed for partitions after today, naming them, the day and the zone", () => {
    const r = futureRefusal({ kind: "update", granularity: "DAY", success: [day("2030-01-01", "2030-01-05")], failed: [] }, today, "DAY");
    expect(r?.partitions).toBe(5);
    expect(r?.message).toMatch(/^5 partitions are after today \(2026-12-05, America\/Los_Angeles\): 2030-01-01\.\.2030-01-05\./);
    const f = futureRefusal({ kind: "update", granularity: "DAY", success: [], failed: [day("2026-11-30", "2026-12-06")] }, today, "DAY");
    expect(f?.ranges).toEqual([day("2026-12-06")]);
    expect(f?.message).toMatch(/^1 partition is after today/);
    const mixed = futureRefusal({ kind: "update", granularity: "DAY", success: [day("2026-12-01")], failed: [day("2026-12-07")] }, today, "DAY");
    expect(mixed?.ranges).toEqual([day("2026-12-07")]);
  });

  it("lets today and the past through, and clearing the future", () => {
    expect(futureRefusal({ kind: "update", granularity: "DAY", success: [day("2026-12-01", "2026-12-05")], failed: [] }, today, "DAY")).toBeNull();
    expect(futureRefusal({ kind: "clear", granularity: "DAY", ranges: [day("2030-01-01")] }, today, "DAY")).toBeNull();
    expect(futureRefusal({ kind: "refresh" }, today, "DAY")).toBeNull();
  });

  it("works in months: the current month is today's", () => {
    const month = { key: "2026-12", zone: "UTC" };
    expect(futureRefusal({ kind: "update", granularity: "MONTH", success: [{ start: "2026-11", end: "2026-12" }], failed: [] }, month, "MONTH")).toBeNull();
    expect(
      futureRefusal({ kind: "update", granularity: "MONTH", success: [{ start: "2026-12", end: "2027-02" }], failed: [] }, month, "MONTH")?.partitions,
    ).toBe(2);
  });
});

describe("needsTypedName", () => {
  it("asks for the name when partitions outside the plan's window are touched", () => {
    expect(needsTypedName("success", 5, { outside: 0 })).toBe(false);
    expect(needsTypedName("success", 5, { outside: 1 })).toBe(true);
    expect(needsTypedName("success", 32, {})).toBe(true);
    expect(needsTypedName("failed", 1, { success: 1 })).toBe(true);
    expect(needsTypedName("success", 1, { success: 1 })).toBe(false);
  });
});
