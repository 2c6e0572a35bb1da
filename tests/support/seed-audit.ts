// Test-only: writes known audit rows into the e2e database before the app starts (see
// start-e2e-app.ts). Uses the same functions the mark actions use, so the rows are real chain rows.
import { recordMarkIntent, recordMarkOutcome, type MarkIntent, type MarkOutcome } from "@/lib/audit";
import { closeDb } from "@/lib/db";
import { SEED } from "./seed-data";

let n = 0;
function intent(tenantId: string, planUuid: string, planName: string, over: Partial<MarkIntent> = {}): MarkIntent {
  n++;
  return {
    actor: { userId: "seed", username: "operator", tenantId, role: "operator" },
    meta: { ip: "192.0.2.10", userAgent: "e2e-seed", requestId: `seed-${n}` },
    action: "partition.mark_success",
    planUuid,
    planName,
    granularity: "DAY",
    ranges: [{ start: "2026-01-01", end: "2026-01-03", status: "success" }],
    partitionCount: 3,
    statusesBefore: { missing: 3 },
    canRequest: { endpoint: "updatePartition", body: { uuid: planUuid, runType: "MANUAL" } },
    ...over,
  };
}

async function mark(i: MarkIntent, outcome?: MarkOutcome): Promise<void> {
  const { intentId } = await recordMarkIntent(i);
  if (outcome) await recordMarkOutcome(intentId, i, outcome);
}

const { tenant, plan, bulkPlan } = SEED;
await mark(intent(tenant, plan.uuid, plan.name), { outcome: "ok" });
await mark(
  intent(tenant, plan.uuid, plan.name, {
    action: "partition.mark_failed",
    ranges: [{ start: "2026-02-01", end: "2026-02-01", status: "failed" }],
    partitionCount: 1,
  }),
  {
    outcome: "rejected",
    code: "500",
    errorMsg: "maintenance window",
    detailErrorMsg: "try later",
    traceId: "trace-e2e-1",
  },
);
await mark(intent(tenant, plan.uuid, plan.name, { action: "partition.clear", ranges: [{ start: "2026-03-01", end: "2026-03-02" }], partitionCount: 2 }), {
  outcome: "error",
  kind: "network",
  errorMsg: "ECONNREFUSED",
});
await mark(
  intent(tenant, plan.uuid, plan.name, {
    actor: { userId: "seed2", username: "admin", tenantId: tenant, role: "admin" },
    ranges: [{ start: "2026-04-01", end: "2026-04-01", status: "success" }],
    partitionCount: 1,
  }),
);
await mark(intent(tenant, plan.uuid, plan.name, { ranges: [{ start: "2026-05-01", end: "2026-05-01", status: "success" }], partitionCount: 1 }), {
  outcome: "unknown",
  reason: "no answer within the timeout",
});
for (let i = 0; i < SEED.bulkCount; i++) await mark(intent(tenant, bulkPlan.uuid, bulkPlan.name), { outcome: "ok" });
const { hostilePlan, hostile } = SEED;
await mark(intent(tenant, hostilePlan.uuid, hostilePlan.name, { meta: { ip: "192.0.2.10", userAgent: hostile.userAgent, requestId: "seed-hostile" } }), {
  outcome: "rejected",
  code: hostile.code,
  errorMsg: hostile.errorMsg,
  detailErrorMsg: hostile.detailErrorMsg,
  traceId: hostile.traceId,
});
await mark(intent("globex", SEED.globexPlan.uuid, SEED.globexPlan.name), { outcome: "ok" });
await closeDb();
console.log(`seeded ${n} audit intents`);
