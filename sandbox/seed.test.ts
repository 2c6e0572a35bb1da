import { describe, expect, it } from "vitest";
import { addKeys } from "@/lib/partitions";
import { weekdayOf } from "./clock";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { planUuid } from "./prng";
import { seedState } from "./seed";
import { countPartitions, type PlanRecord } from "./state-types";
import { SEED_END } from "./test-support";

const state = seedState(SEED_END);
const plansOf = (tenantId: string): PlanRecord[] => state.tenants[tenantId]?.plans ?? [];
const keysOf = (plan: PlanRecord | undefined): string[] => Object.keys(plan?.partitions ?? {}).sort();

describe("demo tenants", () => {
  it("are acme (APIKEY) and globex (TOKEN) with the agreed credentials", () => {
    expect(DEMO_TENANTS).toEqual([
      { id: "acme", name: "Acme Retail", authType: "APIKEY", authValue: "sk-sandbox-acme-7d41c9e2b8" },
      { id: "globex", name: "Globex Logistics", authType: "TOKEN", appId: "app-sandbox-globex-3c8e", appSecret: "as-sandbox-globex-91d7f04b6a" },
    ]);
  });
});

describe("seedState", () => {
  it("is deterministic for a seed end and moves with it", () => {
    expect(seedState(SEED_END)).toEqual(state);
    expect(keysOf(seedState("2025-01-31").tenants.acme?.plans[0]).at(-1)).toBe("2025-01-31");
  });

  it("gives valid, stable, distinct names and uuids, never shared between tenants", () => {
    const all = DEMO_TENANTS.flatMap((t) => plansOf(t.id).map((p) => ({ tenant: t.id, plan: p })));
    for (const { tenant, plan } of all) {
      expect(plan.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(plan.id).toBe(planUuid(tenant, plan.name));
      expect(plan.id).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(all.map((x) => x.plan.id)).size).toBe(all.length);
    expect(new Set(all.map((x) => x.plan.name)).size).toBe(all.length);
  });

  it.each(["acme", "globex"])("%s has the agreed mix of plans", (tenantId) => {
    const plans = plansOf(tenantId);
    const external = plans.filter((p) => p.materializeType === "EXTERNAL");
    const daily = external.filter((p) => p.metricTimeGranularity === "DAY" && !p.isFullRefresh);
    const threeYear = daily.find((p) => countPartitions(p).total < 1100);
    const tenYear = daily.find((p) => p.name.endsWith("_10y"));
    const monthly = external.find((p) => p.metricTimeGranularity === "MONTH");
    const full = external.find((p) => p.isFullRefresh);

    // ~3 years with gaps and a few failures, newest day = seed end.
    const c3 = countPartitions(threeYear as PlanRecord);
    expect(c3.total).toBeGreaterThan(1050);
    expect(c3.total).toBeLessThan(1095);
    expect(c3.failed).toBeGreaterThanOrEqual(3);
    expect(keysOf(threeYear).at(-1)).toBe(SEED_END);
    // ~36 months, a failure and a gap, ending at the last complete month.
    const cm = countPartitions(monthly as PlanRecord);
    expect(cm.failed).toBeGreaterThanOrEqual(1);
    expect(cm.total).toBeLessThan(36);
    expect(keysOf(monthly).at(-1)).toBe("2025-09");
    expect(keysOf(monthly)[0]).toBe("2022-10");
    // ~10 years of days.
    const c10 = countPartitions(tenYear as PlanRecord);
    expect(c10.total).toBeGreaterThan(3600);
    expect(c10.total).toBeLessThanOrEqual(3650);
    // Full refresh: no partitions, has data.
    expect(full).toMatchObject({ hasData: true, partitions: {} });
    expect(full?.lastRefreshTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // RESULT and ACCELERATE: DAY with partitions.
    for (const type of ["RESULT", "ACCELERATE"] as const) {
      const plan = plans.find((p) => p.materializeType === type);
      expect(plan?.metricTimeGranularity).toBe("DAY");
      expect(countPartitions(plan as PlanRecord).success).toBeGreaterThan(100);
    }
  });

  it("gives acme one late plan: its loads stopped 35 days before the seed end", () => {
    const late = plansOf("acme").find((p) => p.name === "stock_levels_daily");
    expect(late).toMatchObject({ materializeType: "EXTERNAL", metricTimeGranularity: "DAY", isFullRefresh: false });
    expect(keysOf(late).at(-1)).toBe(addKeys(SEED_END, -35, "DAY"));
    expect(keysOf(late)).toHaveLength(85);
  });

  it("gives acme alone a WEEK plan whose values are Mondays", () => {
    const weekly = plansOf("acme").filter((p) => p.metricTimeGranularity === "WEEK");
    expect(weekly).toHaveLength(1);
    const keys = keysOf(weekly[0]);
    expect(keys.length).toBeGreaterThan(90);
    expect(keys.every((k) => weekdayOf(k) === 1)).toBe(true);
    expect(plansOf("globex").some((p) => p.metricTimeGranularity === "WEEK")).toBe(false);
  });
});
