import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { countPartitions, findPlan, type PlanRecord, type SandboxState } from "./state-types";

export type ControlReply = { status: number; body: unknown };

function planSummary(plan: PlanRecord): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    materializeType: plan.materializeType,
    metricTimeGranularity: plan.metricTimeGranularity,
    isFullRefresh: plan.isFullRefresh,
    hasData: plan.hasData,
    lastRefreshTime: plan.lastRefreshTime,
  };
}

/** GET /__sandbox/state: the ground truth tests compare the app's view against. */
export function stateView(state: SandboxState, tenantId: string | null, uuid: string | null): ControlReply {
  if (!tenantId) {
    return {
      status: 200,
      body: {
        seedEnd: state.seedEnd,
        tenants: Object.entries(state.tenants).map(([id, t]) => ({
          id,
          name: DEMO_TENANTS.find((d) => d.id === id)?.name ?? id,
          plans: t.plans.length,
        })),
      },
    };
  }
  const tenant = state.tenants[tenantId];
  if (!tenant) return { status: 404, body: { error: `unknown tenant "${tenantId}"` } };
  if (!uuid) {
    return {
      status: 200,
      body: {
        tenant: tenantId,
        plans: tenant.plans.map((p) => ({ uuid: p.id, ...planSummary(p), displayName: p.displayName, counts: countPartitions(p) })),
      },
    };
  }
  const plan = findPlan(state, tenantId, uuid);
  if (!plan) return { status: 404, body: { error: `no plan "${uuid}" in tenant "${tenantId}"` } };
  // Oldest first: reads naturally in a diff or a test failure message.
  const partitions = Object.fromEntries(Object.entries(plan.partitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { status: 200, body: { plan: planSummary(plan), partitions } };
}
