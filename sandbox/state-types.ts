import { z } from "zod";

// The persisted shape of the sandbox. Validated on load so a hand-edited or stale file fails loudly
// instead of producing odd wire responses later.

export const materializeTypeSchema = z.enum(["EXTERNAL", "RESULT", "ACCELERATE"]);
export type MaterializeType = z.infer<typeof materializeTypeSchema>;

export const partitionRecordSchema = z.object({
  status: z.enum(["success", "failed"]),
  updateTime: z.string(),
});
export type PartitionRecord = z.infer<typeof partitionRecordSchema>;

export const planRecordSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  displayName: z.string(),
  materializeType: materializeTypeSchema,
  // Kept as a free string: CAN has granularities the console cannot mark (WEEK) and we seed one.
  metricTimeGranularity: z.string(),
  isFullRefresh: z.boolean(),
  hasData: z.boolean(),
  lastRefreshTime: z.string().nullable(),
  cron: z.string(),
  updateLowerInterval: z.number().int(),
  updateUpperInterval: z.number().int(),
  tablePath: z.object({ tableCatalog: z.string(), tableSchema: z.string(), tableName: z.string() }),
  entity: z.string(),
  metrics: z.array(z.string()),
  dimensions: z.array(z.string()),
  /** Keyed by partition key ("YYYY-MM-DD" or "YYYY-MM"); absent key = no record (never run or cleared). */
  partitions: z.record(z.string(), partitionRecordSchema),
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

export const sandboxStateSchema = z.object({
  version: z.literal(1),
  seedEnd: z.string(),
  /** Plans in list order per tenant id. */
  tenants: z.record(z.string(), z.object({ plans: z.array(planRecordSchema) })),
});
export type SandboxState = z.infer<typeof sandboxStateSchema>;

export function findPlan(state: SandboxState, tenantId: string, uuid: string): PlanRecord | undefined {
  return state.tenants[tenantId]?.plans.find((p) => p.id === uuid);
}

/** Copy-on-write replacement, so a refused or failed write never leaves a half-changed state behind. */
export function withPlan(state: SandboxState, tenantId: string, plan: PlanRecord): SandboxState {
  const tenant = state.tenants[tenantId];
  if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
  const plans = tenant.plans.map((p) => (p.id === plan.id ? plan : p));
  return { ...state, tenants: { ...state.tenants, [tenantId]: { plans } } };
}

export function countPartitions(plan: PlanRecord): { success: number; failed: number; total: number } {
  let success = 0;
  let failed = 0;
  for (const record of Object.values(plan.partitions)) {
    if (record.status === "success") success += 1;
    else failed += 1;
  }
  return { success, failed, total: success + failed };
}
