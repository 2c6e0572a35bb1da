import { addKeys, enumerateKeys, keyToCanDateTime, nextKey, prevKey } from "@/lib/partitions";
import { weekdayOf } from "./clock";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { planUuid, seededRandom } from "./prng";
import { SEED_CATALOG, type PlanSpec } from "./seed-catalog";
import type { PartitionRecord, PlanRecord, SandboxState } from "./state-types";

type Slot = "success" | "failed" | "missing";
type SeedGranularity = PlanSpec["granularity"];

/** Same seed end in, same state out: tests and e2e fixtures rely on exact partitions. */
export function seedState(seedEnd: string): SandboxState {
  const tenants: SandboxState["tenants"] = {};
  for (const tenant of DEMO_TENANTS) {
    const specs = SEED_CATALOG[tenant.id] ?? [];
    tenants[tenant.id] = { plans: specs.map((spec) => seedPlan(tenant.id, spec, seedEnd)) };
  }
  return { version: 1, seedEnd, tenants };
}

/**
 * `count` more plans for a big tenant (the bench's 2,000-plan list): numbered EXTERNAL plans, DAY
 * and MONTH alternating, every tenth a RESULT plan, each with a short seeded history. Names carry
 * `offset`, so calling again adds plans rather than duplicating them.
 */
export function manyPlans(tenantId: string, count: number, offset: number, seedEnd: string): PlanRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(offset + i + 1).padStart(4, "0");
    const monthly = i % 2 === 1;
    const spec: PlanSpec = {
      name: `bulk_plan_${n}`,
      displayName: `Bulk plan ${n}`,
      materializeType: i % 10 === 9 ? "RESULT" : "EXTERNAL",
      granularity: monthly ? "MONTH" : "DAY",
      entity: "bulk",
      metrics: ["rows"],
      dimensions: ["region"],
      cron: "0 3 * * *",
      history: monthly ? { periods: 12, missing: 1, failed: 0 } : { periods: 60, missing: 2, failed: 1 },
    };
    return seedPlan(tenantId, spec, seedEnd);
  });
}

function seedPlan(tenantId: string, spec: PlanSpec, seedEnd: string): PlanRecord {
  const rand = seededRandom(`${tenantId}/${spec.name}/${seedEnd}`);
  const isFullRefresh = spec.isFullRefresh ?? false;
  const keys = spec.history ? periodKeys(spec.granularity, spec.history.periods, seedEnd) : [];
  const loaded = keys.slice(0, keys.length - (spec.history?.stalledFor ?? 0));
  const partitions = spec.history && !isFullRefresh ? seedPartitions(loaded, spec, rand) : {};
  const hasSuccess = Object.values(partitions).some((p) => p.status === "success");
  return {
    id: planUuid(tenantId, spec.name),
    name: spec.name,
    displayName: spec.displayName,
    materializeType: spec.materializeType,
    metricTimeGranularity: spec.granularity,
    isFullRefresh,
    hasData: isFullRefresh || hasSuccess,
    lastRefreshTime: isFullRefresh ? `${addKeys(seedEnd, 1, "DAY")} 03:31:07` : null,
    cron: spec.cron,
    updateLowerInterval: spec.granularity === "MONTH" ? -2 : -5,
    updateUpperInterval: -1,
    tablePath: { tableCatalog: "default_catalog", tableSchema: `mt_${tenantId}`, tableName: spec.name },
    entity: spec.entity,
    metrics: spec.metrics,
    dimensions: spec.dimensions,
    partitions,
  };
}

/** Oldest first. MONTH and WEEK end at the last complete period before the seed end. */
function periodKeys(granularity: SeedGranularity, periods: number, seedEnd: string): string[] {
  if (granularity === "DAY") return enumerateKeys(addKeys(seedEnd, -(periods - 1), "DAY"), seedEnd, "DAY");
  if (granularity === "MONTH") {
    const last = prevKey(seedEnd.slice(0, 7), "MONTH");
    return enumerateKeys(addKeys(last, -(periods - 1), "MONTH"), last, "MONTH");
  }
  // WEEK values are Mondays; lib/partitions has no WEEK, so step DAY keys by seven.
  const lastSunday = addKeys(seedEnd, -weekdayOf(seedEnd), "DAY");
  const lastMonday = addKeys(lastSunday, -6, "DAY");
  return Array.from({ length: periods }, (_, i) => addKeys(lastMonday, -7 * (periods - 1 - i), "DAY"));
}

function seedPartitions(keys: string[], spec: PlanSpec, rand: () => number): Record<string, PartitionRecord> {
  const history = spec.history;
  const n = keys.length;
  const slots: Slot[] = new Array<Slot>(n).fill("success");
  if (!history || n === 0) return {};
  if (history.recentFailedOffset !== undefined && history.recentFailedOffset < n) {
    slots[n - 1 - history.recentFailedOffset] = "failed";
  }
  if (history.outage) {
    const start = Math.floor(n * (0.3 + rand() * 0.4));
    for (let i = start; i < Math.min(start + history.outage, n - 1); i += 1) slots[i] = "missing";
  }
  // The newest period is never picked, so "latest partition" is always predictable in tests.
  const place = (count: number, to: Slot): void => {
    let placed = 0;
    for (let guard = 0; placed < count && guard < count * 100 + 100; guard += 1) {
      const i = Math.floor(rand() * (n - 1));
      if (slots[i] === "success") {
        slots[i] = to;
        placed += 1;
      }
    }
  };
  place(history.missing, "missing");
  place(history.failed, "failed");

  const partitions: Record<string, PartitionRecord> = {};
  keys.forEach((key, i) => {
    const slot = slots[i];
    if (slot === undefined || slot === "missing") return;
    partitions[key] = { status: slot, updateTime: seededUpdateTime(key, spec.granularity, rand) };
  });
  return partitions;
}

/** A run lands early on the day after its period closes, like a nightly scheduler would. */
function seededUpdateTime(key: string, granularity: SeedGranularity, rand: () => number): string {
  const day =
    granularity === "DAY"
      ? addKeys(key, 1, "DAY")
      : granularity === "WEEK"
        ? addKeys(key, 7, "DAY")
        : keyToCanDateTime(nextKey(key, "MONTH"), "MONTH").slice(0, 10);
  const two = (v: number): string => String(Math.floor(v)).padStart(2, "0");
  return `${day} ${two(1 + rand() * 5)}:${two(rand() * 60)}:${two(rand() * 60)}`;
}
