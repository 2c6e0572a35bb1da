import { z } from "zod";
import { canTimeRangesToRanges, countKeysInRanges, isMarkableGranularity, rangesToKeys } from "@/lib/partitions";
import { lookupPlan, refuse, type CanReply } from "./sandbox-context";
import type { PlanRecord, SandboxState } from "./state-types";
import { describeZodError } from "./zod-message";

const timeRangeSchema = z.object({ dateGranularity: z.string(), startTime: z.string(), endTime: z.string() });
// nullish: Java clients serialise an absent list as null.
const rangeListSchema = z.array(timeRangeSchema).nullish();
export type TimeRangeInput = z.infer<typeof timeRangeSchema>;

export const updatePartitionBodySchema = z.object({
  uuid: z.string(),
  runType: z.literal("MANUAL").nullish(),
  successTimeRange: rangeListSchema,
  failedTimeRange: rangeListSchema,
});
export const clearPartitionBodySchema = z.object({ uuid: z.string(), timeRange: rangeListSchema });

/** Bounds one call's work: ten thousand years of days would otherwise be enumerated in memory. */
export const MAX_PARTITIONS_PER_CALL = 20_000;

type Checked<T> = { ok: true; value: T } | { ok: false; reply: CanReply };

/**
 * Parses a mutation body. Anything without a uuid (including the bare array the clearPartition
 * docs show) is refused with "uuid is required" before the rest of the shape is looked at.
 */
export function parseMutationBody<S extends z.ZodType<{ uuid: string }>>(schema: S, body: unknown): Checked<z.infer<S>> {
  const uuid = body !== null && typeof body === "object" && !Array.isArray(body) ? (body as { uuid?: unknown }).uuid : undefined;
  if (typeof uuid !== "string" || uuid.trim() === "") return { ok: false, reply: refuse("400", "uuid is required") };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, reply: refuse("400", `invalid request: ${describeZodError(parsed.error)}`) };
  return { ok: true, value: parsed.data };
}

/** Only EXTERNAL plans accept partition marks; the others are maintained by CAN itself. */
export function externalPlan(state: SandboxState, tenantId: string, uuid: string): Checked<PlanRecord> {
  const found = lookupPlan(state, tenantId, uuid);
  if (!found.ok) return { ok: false, reply: found.reply };
  if (found.plan.materializeType !== "EXTERNAL") {
    return {
      ok: false,
      reply: refuse("400", `only EXTERNAL plans accept partition changes; "${found.plan.name}" is ${found.plan.materializeType}`),
    };
  }
  return { ok: true, value: found.plan };
}

/** Turns one request list into partition keys of the plan, or a message naming the field at fault. */
export function rangesToPlanKeys(field: string, list: readonly TimeRangeInput[], plan: PlanRecord): Checked<string[]> {
  const fail = (message: string): Checked<string[]> => ({ ok: false, reply: refuse("400", message) });
  const g = plan.metricTimeGranularity;
  for (const [i, range] of list.entries()) {
    if (range.dateGranularity !== g) {
      return fail(`${field}[${i}].dateGranularity is "${range.dateGranularity}" but plan "${plan.name}" has metricTimeGranularity "${g}"`);
    }
  }
  if (!isMarkableGranularity(g)) {
    return fail(`the sandbox cannot change partitions of a ${g} plan; only DAY and MONTH plans are supported`);
  }
  const parsed = canTimeRangesToRanges([...list], g);
  if (!parsed.ok) return fail(`${field}: ${parsed.error}`);
  // Counted before enumerating, so an absurd range costs nothing.
  if (countKeysInRanges(parsed.ranges, g) > MAX_PARTITIONS_PER_CALL) {
    return fail(`${field}: a call may cover at most ${MAX_PARTITIONS_PER_CALL} partitions`);
  }
  const keys = rangesToKeys(parsed.ranges, g);
  return { ok: true, value: keys };
}

export function hasSuccess(partitions: PlanRecord["partitions"]): boolean {
  return Object.values(partitions).some((p) => p.status === "success");
}
