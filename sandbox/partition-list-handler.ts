import { compareKeys } from "@/lib/partitions";
import { lookupPlan, positiveInt, readReply, refuse, type CanHandler } from "./sandbox-context";
import type { RuntimeConfig } from "./runtime-config";
import type { PlanRecord } from "./state-types";

type ListedPartition = { value: string; status?: "SUCCESS" | "FAILED"; updateTime?: string };

/**
 * Newest first, as in the docs' example (or oldest first, the other reading, when a test asks).
 * Documented shape lists only hit-able (success) partitions.
 */
function sortedPartitions(plan: PlanRecord, detailed: boolean, order: RuntimeConfig["listOrder"]): ListedPartition[] {
  const entries = Object.entries(plan.partitions).filter(([, r]) => detailed || r.status === "success");
  entries.sort(order === "oldest-first" ? ([a], [b]) => compareKeys(a, b) : ([a], [b]) => compareKeys(b, a));
  return entries.map(([value, record]) =>
    detailed ? { value, status: record.status === "success" ? "SUCCESS" : "FAILED", updateTime: record.updateTime } : { value },
  );
}

// A plan's list, sorted once per version of its partitions. Every change replaces the partitions
// object (copy-on-write, state-types.ts), so the object itself is the version. Sorting the whole list
// for every page made a read of 110 pages (30 years of days) cost the sandbox about a second of CPU,
// on the machine the app and the browser share with it in the bench: CAN's time is the configured
// latency, not the sandbox's own sorting.
type ListVariant = `${"documented" | "detailed"} ${RuntimeConfig["listOrder"]}`;
const SORTED = new WeakMap<PlanRecord["partitions"], Partial<Record<ListVariant, ListedPartition[]>>>();

function listedPartitions(plan: PlanRecord, detailed: boolean, order: RuntimeConfig["listOrder"]): ListedPartition[] {
  const variant: ListVariant = `${detailed ? "detailed" : "documented"} ${order}`;
  const held = SORTED.get(plan.partitions) ?? {};
  const list = held[variant] ?? sortedPartitions(plan, detailed, order);
  held[variant] = list;
  SORTED.set(plan.partitions, held);
  return list;
}

/** GET queryMtPartitionList: all three query parameters are required, as documented. */
export const listPartitions: CanHandler = (ctx, req) => {
  const found = lookupPlan(ctx.store.state, req.tenantId, req.query.get("uuid"));
  if (!found.ok) return found.reply;
  const pageNumber = positiveInt(req.query.get("pageNumber"));
  const requestedSize = positiveInt(req.query.get("pageSize"));
  if (pageNumber === null) return refuse("400", "pageNumber is required and must be a positive integer");
  if (requestedSize === null) return refuse("400", "pageSize is required and must be a positive integer");

  const plan = found.plan;
  if (plan.isFullRefresh) return readReply(ctx, { hasData: plan.hasData, isPartition: false, partition: null });

  // The cap is undocumented in CAN; the response reports the size actually used.
  const pageSize = Math.min(requestedSize, ctx.config.maxPageSize);
  const all = listedPartitions(plan, ctx.config.shape === "detailed", ctx.config.listOrder);
  const start = (pageNumber - 1) * pageSize;
  return readReply(ctx, {
    hasData: plan.hasData,
    isPartition: true,
    partition: {
      paritionList: all.slice(start, start + pageSize),
      hasNext: start + pageSize < all.length,
      total: all.length,
      pageNumber,
      pageSize,
    },
  });
};
