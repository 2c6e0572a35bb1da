import "server-only";
import { CanError } from "@/lib/can/errors";
import { listPlansPage } from "@/lib/can/plans";
import { mapBounded } from "@/lib/async/map-bounded";
import { allTenants, type Tenant } from "@/lib/tenants";

export type TenantHealth = { tenant: string; reachable: boolean; latencyMs: number; problem?: string | undefined };

const PROBE_TIMEOUT_MS = 3_000;

/** One cheap CAN call per tenant (all by default), without retries, so a health probe answers quickly. */
export async function probeTenants(tenants: readonly Tenant[] = allTenants()): Promise<TenantHealth[]> {
  return mapBounded(tenants, 4, async (tenant) => {
    const started = performance.now();
    try {
      await listPlansPage(tenant, 1, 1, { timeoutMs: PROBE_TIMEOUT_MS });
      return { tenant: tenant.id, reachable: true, latencyMs: Math.round(performance.now() - started) };
    } catch (e) {
      const problem = e instanceof CanError ? `${e.kind}: ${e.details.errorMsg ?? ""}`.trim() : "unexpected error";
      return { tenant: tenant.id, reachable: false, latencyMs: Math.round(performance.now() - started), problem };
    }
  });
}
