import "server-only";
import { HydrationBoundary, defaultShouldDehydrateQuery, dehydrate } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/get-query-client";
import { queryKeys } from "@/lib/query-keys";
import type { PlansQuery } from "@/lib/plans-query";
import { enrichPlansPage, selectPlansPage } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";
import type { Tenant } from "@/lib/tenants";
import { PlansView } from "./_components/plans-view";
import { startPlansHealth } from "./start-plans-health";

/**
 * The plans page below its heading: CAN's plan list, read here so the page can send its heading
 * (the largest text on screen) before the read is over, and the table when it is.
 */
export async function PlansData({ tenant, query, canMark }: { tenant: Tenant; query: PlansQuery; canMark: boolean }) {
  const queryClient = getQueryClient();
  const selected = await safeRead("plans.list", () => selectPlansPage(tenant, query));
  // The strips' read starts now, beside the rows' own reads, and is not awaited: the table is sent
  // without it and the strips follow in the same response (ADR 0033).
  if (selected.ok) startPlansHealth(queryClient, tenant, selected.data.summaries);
  await queryClient.prefetchQuery({
    queryKey: queryKeys.plans(tenant.id, query),
    queryFn: () => (selected.ok ? safeRead("plans.list", () => enrichPlansPage(tenant, selected.data)) : selected),
  });
  return (
    // Pending queries too: the health read crosses as a promise the browser's cache picks up.
    <HydrationBoundary state={dehydrate(queryClient, { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === "pending" })}>
      <PlansView tenantId={tenant.id} canMark={canMark} />
    </HydrationBoundary>
  );
}
