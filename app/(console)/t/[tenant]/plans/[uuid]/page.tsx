import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasPermission, requirePageAccess } from "@/lib/auth/dal";
import { getQueryClient } from "@/lib/get-query-client";
import { queryKeys } from "@/lib/query-keys";
import { planUuidParam } from "@/lib/schemas/plans";
import { getPlanCalendar } from "@/lib/services/plan-calendar";
import { safeRead } from "@/lib/services/safe-read";
import { PlanScreen } from "./_components/plan-screen";

export const metadata: Metadata = { title: "Plan" };

type SearchParams = Record<string, string | string[] | undefined>;

const firstOf = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

export default async function PlanPage({ params, searchParams }: { params: Promise<{ tenant: string; uuid: string }>; searchParams: Promise<SearchParams> }) {
  const { tenant: tenantId, uuid } = await params;
  const query = await searchParams;
  const { tenant, actor } = await requirePageAccess(tenantId, "plans:read");
  const planId = planUuidParam.safeParse(uuid);
  if (!planId.success) notFound();
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: queryKeys.plan(tenant.id, planId.data),
    queryFn: () => safeRead("plan.calendar", () => getPlanCalendar(tenant, planId.data)),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PlanScreen
        tenantId={tenant.id}
        uuid={planId.data}
        canMark={hasPermission(actor.role, "partitions:mark")}
        initialYear={firstOf(query.year)}
        initialSel={firstOf(query.sel)}
      />
    </HydrationBoundary>
  );
}
