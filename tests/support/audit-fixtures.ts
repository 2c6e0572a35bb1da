import type { MarkIntent } from "@/lib/audit";

let n = 0;

/** A plausible mark intent; override what a test cares about. */
export function intentFor(over: Partial<MarkIntent> & { tenantId?: string } = {}): MarkIntent {
  n++;
  const { tenantId = "acme", ...rest } = over;
  return {
    actor: { userId: "u-operator", username: "operator", tenantId, role: "operator" },
    meta: { ip: "10.0.0.9", userAgent: "vitest", requestId: `req-${n}` },
    action: "partition.mark_success",
    planUuid: "plan-orders",
    planName: "orders_daily",
    granularity: "DAY",
    ranges: [{ start: "2026-11-01", end: "2026-11-03", status: "success" }],
    partitionCount: 3,
    statusesBefore: { missing: 3 },
    canRequest: {
      endpoint: "updatePartition",
      body: {
        uuid: "plan-orders",
        runType: "MANUAL",
        successTimeRange: [{ dateGranularity: "DAY", startTime: "2026-11-01T00:00:00", endTime: "2026-11-03T00:00:00" }],
      },
    },
    ...rest,
  };
}
