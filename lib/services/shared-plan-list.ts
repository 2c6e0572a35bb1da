import "server-only";
import type { PlanSummary } from "@/lib/can/types";
import { processGlobal } from "@/lib/process-global";

/**
 * A tenant's plan list, read once and shared, as partition lists are (docs/decisions/0022): one read
 * at a time per tenant, and a finished read serves for `ttlMs` (CAN_LIST_CACHE_SECONDS).
 * Searching or filtering the plans page then costs no read of CAN's list, which for a big tenant is
 * tens of pages. Plans are created and converted in CAN, not here, so nothing of ours invalidates it;
 * a failed read is kept by nobody.
 */
type Entry = { read: Promise<PlanSummary[]>; finishedAt?: number };
const entries = processGlobal("shared-plan-lists", () => new Map<string, Entry>());

export type SharedPlanListOptions = { ttlMs: number; nowMs?: number };

export function sharedPlanList(
  tenantId: string,
  read: () => Promise<PlanSummary[]>,
  { ttlMs, nowMs = Date.now() }: SharedPlanListOptions,
): Promise<PlanSummary[]> {
  const key = tenantId;
  const held = entries.get(key);
  if (held && (held.finishedAt === undefined || nowMs - held.finishedAt < ttlMs)) return held.read;
  const entry: Entry = { read: read() };
  entries.set(key, entry);
  entry.read.then(
    () => {
      entry.finishedAt = Date.now();
      if (ttlMs === 0 && entries.get(key) === entry) entries.delete(key);
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.read;
}

export function forgetSharedPlanListsForTests(): void {
  entries.clear();
}
