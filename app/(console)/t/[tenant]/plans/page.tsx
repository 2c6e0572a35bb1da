import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { hasPermission, requirePageAccess } from "@/lib/auth/dal";
import { getQueryClient } from "@/lib/get-query-client";
import { queryKeys } from "@/lib/query-keys";
import { readPlansQuery } from "@/lib/plans-query";
import { getPlansPage } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";
import { PlansView } from "./_components/plans-view";

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
  await queryClient.prefetchQuery({
    queryKey: queryKeys.plans(tenant.id, query),
    queryFn: () => safeRead("plans.list", () => getPlansPage(tenant, query)),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <h1 className="text-2xl font-semibold">{t("heading", { tenant: tenant.name })}</h1>
      <PlansView tenantId={tenant.id} canMark={hasPermission(actor.role, "partitions:mark")} />
    </HydrationBoundary>
  );
}
