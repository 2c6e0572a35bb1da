import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { healthUuids } from "@/lib/health/health-request";
import { queryKeys } from "@/lib/query-keys";
import { getPlansHealth } from "@/lib/services/plan-health";
import { safeRead } from "@/lib/services/safe-read";
import type { Tenant } from "@/lib/tenants";

/**
 * Starts the visible page's health read in the request's query client, under the key the browser
 * uses (health-request.ts), and leaves it pending: dehydrated, its promise streams to the browser.
 * The caller has checked the session and `plans:read` for the tenant, as the health route does. The
 * answer is the route's own (a Result: one plan's failure in its entry, the whole read's as the error).
 */
export function startPlansHealth(queryClient: QueryClient, tenant: Tenant, summaries: readonly { uuid: string; materializeType: string }[]): void {
  const uuids = healthUuids(summaries);
  if (uuids.length === 0) return;
  void queryClient.prefetchQuery({
    queryKey: queryKeys.plansHealth(tenant.id, uuids),
    queryFn: () => safeRead("plans.health", () => getPlansHealth(tenant, uuids)),
  });
}
