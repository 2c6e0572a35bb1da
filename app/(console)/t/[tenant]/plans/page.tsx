import { HydrationBoundary, defaultShouldDehydrateQuery, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hasPermission, requirePageAccess } from "@/lib/auth/dal";
import { getQueryClient } from "@/lib/get-query-client";
import { queryKeys } from "@/lib/query-keys";
import { readPlansQuery } from "@/lib/plans-query";
import { enrichPlansPage, selectPlansPage } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";
import { PlansView } from "./_components/plans-view";
import { startPlansHealth } from "./start-plans-health";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans"))("title") };
}

export default async function PlansPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant, actor } = await requirePageAccess((await params).tenant, "plans:read");
  const query = readPlansQuery(await searchParams);
  const queryClient = getQueryClient();
  const t = await getTranslations("plans");
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
      <h1 className="text-2xl font-semibold">{t("heading", { tenant: tenant.name })}</h1>
      <PlansView tenantId={tenant.id} canMark={hasPermission(actor.role, "partitions:mark")} />
    </HydrationBoundary>
  );
}
