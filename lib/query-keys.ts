import { healthSearch } from "@/lib/health/health-request";
import type { PlansQuery } from "@/lib/plans-query";

// One factory for every React Query key, so prefetch and client hooks cannot drift apart.
export const queryKeys = {
  plans: (tenant: string, q: PlansQuery) => ["plans", tenant, q.type ?? "", q.q ?? "", q.page] as const,
  /** The strips of a plans page's EXTERNAL plans (health-request.ts), started by the page's server component. */
  plansHealth: (tenant: string, uuids: readonly string[]) => ["plans-health", tenant, healthSearch(uuids)] as const,
  plan: (tenant: string, uuid: string) => ["plan", tenant, uuid] as const,
  /** A plan's audit history (components/audit/plan-history.tsx); invalidate it after a mark. */
  planHistory: (tenant: string, uuid: string) => ["plan-history", tenant, uuid] as const,
};
