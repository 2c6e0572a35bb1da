import { describe, expect, it } from "vitest";
import { clearPartitionsInput, markPartitionsInput, MAX_PARTITIONS_PER_ACTION } from "./marks";

const base = { tenantId: "acme", planUuid: "32dceae13e74f77d0a663e1f62c509f4" };

function errorsOf(r: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return r.success ? "" : (r.error?.issues.map((i) => i.message).join(" | ") ?? "");
}

describe("markPartitionsInput", () => {
  it("normalizes ranges and counts partitions", () => {
    const r = markPartitionsInput.safeParse({
      ...base,
      granularity: "DAY",
      success: [
        { start: "2025-10-03", end: "2025-10-05" },
        { start: "2025-10-01", end: "2025-10-02" },
      ],
      failed: [{ start: "2025-10-09", end: "2025-10-09" }],
    });
    expect(r.success).toBe(true);
    expect(r.data?.success).toEqual([{ start: "2025-10-01", end: "2025-10-05" }]);
    expect(r.data?.total).toBe(6);
  });

  it.each([
    [{ success: [{ start: "2025-02-30", end: "2025-03-01" }] }, "2025-02-30 is not a real date"],
    [{ success: [{ start: "2025-10-05", end: "2025-10-01" }] }, "ends before it starts"],
    [{ success: [{ start: "2025-10", end: "2025-10" }] }, "is not a real date"],
    [{ success: [] }, "Select at least one partition"],
    [{ success: [{ start: "2025-10-01", end: "2025-10-05" }], failed: [{ start: "2025-10-05", end: "2025-10-06" }] }, "success and failed at once"],
    [{ success: [{ start: "1970-01-01", end: "2030-01-01" }] }, `At most ${MAX_PARTITIONS_PER_ACTION} partitions`],
  ])("refuses %j", (ranges, message) => {
    expect(errorsOf(markPartitionsInput.safeParse({ ...base, granularity: "DAY", ...ranges }))).toContain(message);
  });

  it("checks MONTH keys against MONTH", () => {
    expect(markPartitionsInput.safeParse({ ...base, granularity: "MONTH", success: [{ start: "2025-01", end: "2025-12" }] }).data?.total).toBe(12);
    expect(errorsOf(markPartitionsInput.safeParse({ ...base, granularity: "MONTH", success: [{ start: "2025-13", end: "2025-13" }] }))).toContain(
      "not a real month",
    );
  });

  it("refuses wrong types, extra fields, unknown granularities and too many ranges", () => {
    expect(markPartitionsInput.safeParse({ ...base, granularity: "WEEK", success: [{ start: "2025-10-01", end: "2025-10-01" }] }).success).toBe(false);
    expect(markPartitionsInput.safeParse({ ...base, granularity: "DAY", success: [{ start: "2025-10-01", end: "2025-10-01" }], extra: 1 }).success).toBe(false);
    expect(markPartitionsInput.safeParse({ ...base, granularity: "DAY", success: "2025-10-01" }).success).toBe(false);
    expect(
      markPartitionsInput.safeParse({ ...base, tenantId: "../x", granularity: "DAY", success: [{ start: "2025-10-01", end: "2025-10-01" }] }).success,
    ).toBe(false);
    const many = Array.from({ length: 100_000 }, () => ({ start: "2025-10-01", end: "2025-10-01" }));
    expect(errorsOf(markPartitionsInput.safeParse({ ...base, granularity: "DAY", success: many }))).toContain("at most 5000 ranges");
  });
});

describe("clearPartitionsInput", () => {
  it("normalizes and counts", () => {
    const r = clearPartitionsInput.safeParse({ ...base, granularity: "DAY", ranges: [{ start: "2024-02-28", end: "2024-03-01" }] });
    expect(r.data?.total).toBe(3);
  });

  it("needs at least one partition", () => {
    expect(errorsOf(clearPartitionsInput.safeParse({ ...base, granularity: "DAY", ranges: [] }))).toContain("Select at least one partition");
  });
});
