import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { hasPermission, requirePageAccess } from "@/lib/auth/dal";
import { getEnv } from "@/lib/env";
import { getQueryClient } from "@/lib/get-query-client";
import { queryKeys } from "@/lib/query-keys";
import { planUuidParam } from "@/lib/schemas/plans";
import { getPlanCalendar } from "@/lib/services/plan-calendar";
import { previewChannel, previewPlanYear } from "@/lib/services/plan-preview";
import { previewOrWhole } from "@/lib/services/preview-or-whole";
import { safeRead } from "@/lib/services/safe-read";
import { PlanSkeleton } from "./_components/plan-skeleton";
import { PlanData } from "./plan-data";
import { PlanPreviewGate } from "./plan-preview-gate";
import { readPlanTitle } from "./plan-title";

/** How long a ready preview waits for the whole list to overtake it (lib/services/preview-or-whole.ts). */
const PREVIEW_GRACE_MS = 200;

type SearchParams = Record<string, string | string[] | undefined>;
type Params = Promise<{ tenant: string; uuid: string }>;

const firstOf = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

/** The tab names the plan, so several open plans can be told apart. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant: tenantId, uuid } = await params;
  const { tenant } = await requirePageAccess(tenantId, "plans:read");
  const planId = planUuidParam.safeParse(uuid);
  const title = planId.success ? await readPlanTitle(tenant, planId.data) : null;
  const t = await getTranslations("plan");
  return { title: title ? t("tabTitle", { name: title.displayName }) : t("tabTitleBare") };
}

export default async function PlanPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { tenant: tenantId, uuid } = await params;
  const query = await searchParams;
  const { tenant, actor } = await requirePageAccess(tenantId, "plans:read");
  const planId = planUuidParam.safeParse(uuid);
  if (!planId.success) notFound();
  const queryClient = getQueryClient();
  // The partition list (every page of it) is read from now on but not awaited here: the plan's own
  // read answers first, and the page sends its heading with it; the calendar follows in the same
  // response when the list is in (the heading is the page's largest contentful paint).
  const { onPreviewSource, source } = previewChannel();
  const read = queryClient.prefetchQuery({
    queryKey: queryKeys.plan(tenant.id, planId.data),
    queryFn: () => safeRead("plan.calendar", () => getPlanCalendar(tenant, planId.data, new Date(), { onPreviewSource })),
  });
  // A long list's first pages may already hold the year the calendar opens on: that year is drawn,
  // read-only, while the rest is read (ADR 0043), unless the whole read is in first or soon after;
  // a preview that fails is only a preview not shown (the whole read reports its own failure).
  const preview = previewOrWhole(
    source.then((s) => previewPlanYear(tenant, planId.data, s, firstOf(query.year))),
    read,
    PREVIEW_GRACE_MS,
  );
  const title = await readPlanTitle(tenant, planId.data);
  return (
    <Suspense fallback={<PlanSkeleton plan={{ tenantId: tenant.id, title }} />}>
      <PlanPreviewGate preview={preview} tenantId={tenant.id} title={title}>
        <PlanData
          queryClient={queryClient}
          read={read}
          tenantId={tenant.id}
          uuid={planId.data}
          title={title}
          refreshSeconds={getEnv().PARTITIONS_REFRESH_SECONDS}
          canMark={hasPermission(actor.role, "partitions:mark")}
          initialYear={firstOf(query.year)}
          initialSel={firstOf(query.sel)}
        />
      </PlanPreviewGate>
    </Suspense>
  );
}
