import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { hasPermission, requirePageAccess } from "@/lib/auth/dal";
import { readPlansQuery } from "@/lib/plans-query";
import { PlansSkeleton } from "./_components/plans-skeleton";
import { PlansData } from "./plans-data";

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
  const t = await getTranslations("plans");
  // The heading needs no CAN read: it streams with the page's first bytes and is painted before any
  // script runs (it is the page's largest contentful paint); the list follows in the same response.
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading", { tenant: tenant.name })}</h1>
      <Suspense fallback={<PlansSkeleton />}>
        <PlansData tenant={tenant} query={query} canMark={hasPermission(actor.role, "partitions:mark")} />
      </Suspense>
    </>
  );
}
