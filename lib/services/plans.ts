import "server-only";
import { CanError } from "@/lib/can/errors";
import { mapBounded } from "@/lib/async/map-bounded";
import { getPartitionPage, type PartitionPage } from "@/lib/can/partitions";
import { getPlan, listPlans } from "@/lib/can/plans";
import { isMarkableGranularity } from "@/lib/partitions";
import type { PlanDetails, PlanSummary } from "@/lib/can/types";
import { PLANS_PAGE_SIZE, type PlansQuery } from "@/lib/plans-query";
import type { Tenant } from "@/lib/tenants";
import { getEnv } from "@/lib/env";
import { sharedPlanList } from "./shared-plan-list";
import { TtlCache } from "./ttl-cache";

export type PlanOverview = PlanSummary & {
  granularity: string | null;
  isFullRefresh: boolean | null;
  partitionCount: number | null;
  latestPartition: string | null;
  hasData: boolean | null;
  /**
   * An EXTERNAL DAY or MONTH plan's partition count and latest partition come with its health
   * (plan-health.ts reads the first page of its list anyway): one CAN list read per row, not two.
   */
  partitionsFromHealth?: true | undefined;
  /** Set when the plan is listed but its details could not be read: CAN's message, or null when CAN gave none. */
  problem?: string | null | undefined;
};

export type PlansPage = {
  items: PlanOverview[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

// Plan configuration changes rarely; partition data is never cached.
const planCache = new TtlCache<PlanDetails>(30_000);

export function getPlanCached(tenant: Tenant, uuid: string): Promise<PlanDetails> {
  return planCache.getOrLoad(`${tenant.id}\u0000${uuid}`, () => getPlan(tenant, uuid));
}

/** The visible page's plans as CAN lists them, before any per-plan read: enough to know whose health to read. */
export type PlansSelection = { summaries: PlanSummary[]; total: number; page: number; pageCount: number };

/** The plans page: CAN's list, filtered and searched here, and only the visible page enriched. */
export async function getPlansPage(tenant: Tenant, query: PlansQuery): Promise<PlansPage> {
  return enrichPlansPage(tenant, await selectPlansPage(tenant, query));
}

/** CAN's plan list filtered, searched and cut to the requested page (the page number clamped to the last). */
export async function selectPlansPage(tenant: Tenant, query: PlansQuery): Promise<PlansSelection> {
  const env = getEnv();
  // The whole list, filtered here by type too: one shared read serves every filter and search.
  const all = await sharedPlanList(tenant.id, () => listPlans(tenant), { ttlMs: env.CAN_LIST_CACHE_SECONDS * 1000 });
  const needle = query.q?.toLowerCase();
  const matching = all.filter(
    (p) =>
      (!query.type || p.materializeType === query.type) && (!needle || p.name.toLowerCase().includes(needle) || p.displayName.toLowerCase().includes(needle)),
  );
  const pageCount = Math.max(1, Math.ceil(matching.length / PLANS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const summaries = matching.slice((page - 1) * PLANS_PAGE_SIZE, page * PLANS_PAGE_SIZE);
  return { summaries, total: matching.length, page, pageCount };
}

/** Each selected plan's overview (its details, and a one-item partition read where the strip does not give it). */
export async function enrichPlansPage(tenant: Tenant, selection: PlansSelection): Promise<PlansPage> {
  const items = await mapBounded(selection.summaries, getEnv().CAN_PAGE_CONCURRENCY, (p) => overviewOf(tenant, p));
  return { items, total: selection.total, page: selection.page, pageCount: selection.pageCount, pageSize: PLANS_PAGE_SIZE };
}

async function overviewOf(tenant: Tenant, summary: PlanSummary): Promise<PlanOverview> {
  try {
    if (summary.materializeType === "EXTERNAL") {
      const details = await getPlanCached(tenant, summary.uuid);
      if (details.refresh.isFullRefresh === false && isMarkableGranularity(details.granularity?.toUpperCase() ?? "")) {
        return {
          ...summary,
          granularity: details.granularity,
          isFullRefresh: false,
          partitionCount: null,
          latestPartition: null,
          hasData: null,
          partitionsFromHealth: true,
        };
      }
      return withFirstPage(summary, details, await getPartitionPage(tenant, summary.uuid, 1, 1));
    }
    const [details, first] = await Promise.all([getPlanCached(tenant, summary.uuid), getPartitionPage(tenant, summary.uuid, 1, 1)]);
    return withFirstPage(summary, details, first);
  } catch (e) {
    // CAN's words as it sent them; for any other failure the page says it in its own words.
    const problem = e instanceof CanError ? e.message : null;
    return { ...summary, granularity: null, isFullRefresh: null, partitionCount: null, latestPartition: null, hasData: null, problem };
  }
}

function withFirstPage(summary: PlanSummary, details: PlanDetails, first: PartitionPage): PlanOverview {
  return {
    ...summary,
    granularity: details.granularity,
    isFullRefresh: details.refresh.isFullRefresh ?? !first.isPartitioned,
    partitionCount: first.page ? (first.page.total ?? first.page.items.length) : null,
    latestPartition: first.page?.items[0]?.value ?? null,
    hasData: first.hasData,
  };
}
