import type { PlansQuery } from "@/lib/plans-query";

// One factory for every React Query key, so prefetch and client hooks cannot drift apart.
export const queryKeys = {
  plans: (tenant: string, q: PlansQuery) => ["plans", tenant, q.type ?? "", q.q ?? "", q.page] as const,
  plan: (tenant: string, uuid: string) => ["plan", tenant, uuid] as const,
  /** A plan's audit history (components/audit/plan-history.tsx); invalidate it after a mark. */
  planHistory: (tenant: string, uuid: string) => ["plan-history", tenant, uuid] as const,
};
