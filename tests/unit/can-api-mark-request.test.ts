// CAN's wire bodies as the `/can` API reads them: the documented example, the pages' own rules
// (real dates, limits, a day not both success and failed), and the refusals, with their messages.
import { describe, expect, it } from "vitest";
import { parseClearPartition, parseUpdatePartition } from "@/lib/can-api/mark-request";
import { markSpec } from "@/lib/marks/kinds";

const day = (start: string, end = start) => ({ dateGranularity: "DAY", startTime: `${start}T00:00:00`, endTime: `${end}T00:00:00` });
const month = (start: string, end = start) => ({ dateGranularity: "MONTH", startTime: `${start}-01T00:00:00`, endTime: `${end}-01T00:00:00` });

// The request example of CAN's updatePartition page, as ../shared/can-api.md quotes it.
const DOCUMENTED_EXAMPLE = {
  uuid: "ecfc2a9539a04ef49897a9b4e3d65e7f",
  runType: "MANUAL",
  successTimeRange: [
    { dateGranularity: "DAY", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" },
    { dateGranularity: "DAY", startTime: "2025-10-20T00:00:00", endTime: "2025-10-21T00:00:00" },
  ],
  failedTimeRange: [{ dateGranularity: "DAY", startTime: "2025-10-23T00:00:00", endTime: "2025-10-23T00:00:00" }],
};

describe("updatePartition bodies", () => {
  it("reads CAN's documented example and rebuilds it range for range", () => {
    const parsed = parseUpdatePartition("acme", DOCUMENTED_EXAMPLE);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.mark.partitionCount).toBe(4);
    expect(markSpec(parsed.mark.change).action).toBe("partition.mark");
    expect(markSpec(parsed.mark.change).body(DOCUMENTED_EXAMPLE.uuid, parsed.mark.change)).toEqual(DOCUMENTED_EXAMPLE);
  });

  it("takes absent or null lists as empty, and no ranges at all as a refresh mark", () => {
    const refresh = parseUpdatePartition("acme", { uuid: "u1", runType: null, successTimeRange: null });
    expect(refresh).toMatchObject({ ok: true, mark: { change: { kind: "refresh" }, partitionCount: 0 } });
    const success = parseUpdatePartition("acme", { uuid: "u1", successTimeRange: [month("2025-01", "2025-03")] });
    expect(success).toMatchObject({ ok: true, mark: { partitionCount: 3, change: { kind: "update", granularity: "MONTH", failed: [] } } });
  });

  it.each([
    ["no uuid", { successTimeRange: [day("2025-10-22")] }, /uuid/],
    ["an impossible date", { uuid: "u1", successTimeRange: [day("2025-02-30")] }, /not a valid DAY date-time/],
    [
      "a time other than midnight",
      { uuid: "u1", successTimeRange: [{ dateGranularity: "DAY", startTime: "2025-10-22T08:00:00", endTime: "2025-10-22T08:00:00" }] },
      /startTime/,
    ],
    [
      "a MONTH range that is not the first day",
      { uuid: "u1", successTimeRange: [{ dateGranularity: "MONTH", startTime: "2025-10-15T00:00:00", endTime: "2025-10-15T00:00:00" }] },
      /MONTH/,
    ],
    ["a range ending before it starts", { uuid: "u1", failedTimeRange: [day("2025-10-22", "2025-10-20")] }, /before/],
    ["DAY and MONTH in one request", { uuid: "u1", successTimeRange: [day("2025-10-22")], failedTimeRange: [month("2025-09")] }, /same in every range/],
    [
      "an unmarkable granularity",
      { uuid: "u1", successTimeRange: [{ dateGranularity: "HOUR", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" }] },
      /DAY or MONTH/,
    ],
    [
      "a day both success and failed",
      { uuid: "u1", successTimeRange: [day("2025-10-20", "2025-10-22")], failedTimeRange: [day("2025-10-22")] },
      /success and failed at once/,
    ],
    ["over 20,000 partitions", { uuid: "u1", successTimeRange: [day("1900-01-01", "1990-01-01")] }, /At most 20000 partitions/],
    ["a runType CAN does not document", { uuid: "u1", runType: "AUTO", successTimeRange: [day("2025-10-22")] }, /runType/],
    ["a uuid with a path in it", { uuid: "../plans", successTimeRange: [day("2025-10-22")] }, /planUuid/],
  ])("refuses %s", (_what, body, message) => {
    const parsed = parseUpdatePartition("acme", body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("refuses more than 5,000 ranges in one list", () => {
    const many = Array.from({ length: 5_001 }, (_, i) => day(new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)));
    const parsed = parseUpdatePartition("acme", { uuid: "u1", successTimeRange: many });
    expect(parsed).toMatchObject({ ok: false });
  });
});

describe("clearPartition bodies", () => {
  it("reads the field-table form", () => {
    const parsed = parseClearPartition("acme", { uuid: "u1", timeRange: [day("2025-10-01", "2025-10-03")] });
    expect(parsed).toMatchObject({ ok: true, mark: { partitionCount: 3, change: { kind: "clear", granularity: "DAY" } } });
  });

  it("refuses the documentation's bare array (it names no plan), and an empty list", () => {
    expect(parseClearPartition("acme", [day("2025-10-01")])).toMatchObject({ ok: false, message: expect.stringMatching(/names no plan/) });
    expect(parseClearPartition("acme", { uuid: "u1", timeRange: [] })).toMatchObject({ ok: false });
  });
});
