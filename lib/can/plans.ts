import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
import { mapBounded } from "@/lib/async/map-bounded";
import { getEnv } from "@/lib/env";
import { canFetch, type CanCallOptions } from "./client";
import type { PlanDetails, PlanSummary } from "./types";

const PLAN_LIST_PAGE_SIZE = 100;
const MAX_PLAN_PAGES = 100;

const planItemSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  displayName: z.string().nullish(),
  materializeType: z.string(),
});

const planListSchema = z.looseObject({
  data: z.array(planItemSchema),
  hasNext: z.boolean().nullish(),
  total: z.number().nullish(),
});

function toSummary(p: z.infer<typeof planItemSchema>): PlanSummary {
  return { uuid: p.id, name: p.name, displayName: p.displayName || p.name, materializeType: p.materializeType };
}

/** One page of CAN's plan list. */
export async function listPlansPage(
  tenant: Tenant,
  pageNumber: number,
  pageSize: number,
  options?: CanCallOptions,
  materializeType?: string,
): Promise<{ plans: PlanSummary[]; hasNext: boolean | undefined; total: number | undefined }> {
  const page = await canFetch(
    tenant,
    {
      endpoint: "queryAccelerateResultPlanList",
      method: "POST",
      body: { ...(materializeType ? { materializeType } : {}), pager: { pageNumber, pageSize } },
      schema: planListSchema,
      payload: "whole",
    },
    options,
  );
  return { plans: page.data.map(toSummary), hasNext: page.hasNext ?? undefined, total: page.total ?? undefined };
}

/**
 * Every plan of the tenant, optionally filtered by type. Page 1 gives the total and the page size CAN
 * really serves; the other pages are then read side by side (CAN_PAGE_CONCURRENCY at a time), not one
 * after another: a tenant of 2,000 plans is 20 pages. Without a total, pages are walked until
 * `hasNext` ends. A plan seen on two pages (the list moved under the read) is kept once.
 */
export async function listPlans(tenant: Tenant, materializeType?: string, options?: CanCallOptions): Promise<PlanSummary[]> {
  const readPage = (n: number) => listPlansPage(tenant, n, PLAN_LIST_PAGE_SIZE, options, materializeType);
  const first = await readPage(1);
  const pages = [first];
  const served = first.plans.length;
  let last = first;
  if (hasMore(first, served) && first.total !== undefined && served > 0) {
    const pageCount = Math.min(Math.ceil(first.total / served), MAX_PLAN_PAGES);
    const rest = await mapBounded(range(2, pageCount), getEnv().CAN_PAGE_CONCURRENCY, readPage);
    pages.push(...rest);
    last = rest.at(-1) ?? first;
  }
  for (let n = pages.length + 1; n <= MAX_PLAN_PAGES && last.plans.length > 0 && hasMore(last, pages.length * served); n++) {
    last = await readPage(n);
    pages.push(last);
  }
  const byUuid = new Map<string, PlanSummary>();
  for (const page of pages) for (const plan of page.plans) if (!byUuid.has(plan.uuid)) byUuid.set(plan.uuid, plan);
  return [...byUuid.values()];
}

function hasMore(page: { hasNext: boolean | undefined; total: number | undefined }, seenSoFar: number): boolean {
  return page.hasNext ?? (page.total !== undefined ? seenSoFar < page.total : false);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

const optionalNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? undefined);
const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

const planDetailSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  displayName: z.string().nullish(),
  materializeType: z.string(),
  metricTimeGranularity: z.string().nullish(),
  tablePath: z.looseObject({ tableCatalog: optionalString, tableSchema: optionalString, tableName: optionalString }).nullish(),
  refreshConfig: z
    .looseObject({
      cron: optionalString,
      isFullRefresh: z.boolean().nullish(),
      updateLowerInterval: optionalNumber,
      updateUpperInterval: optionalNumber,
    })
    .nullish(),
});

export async function getPlan(tenant: Tenant, uuid: string, options?: CanCallOptions): Promise<PlanDetails> {
  const p = await canFetch(tenant, { endpoint: "queryAccelerateResultPlan", method: "GET", query: { uuid }, schema: planDetailSchema }, options);
  return {
    ...toSummary(p),
    granularity: p.metricTimeGranularity ?? null,
    table: p.tablePath ? { catalog: p.tablePath.tableCatalog, schema: p.tablePath.tableSchema, name: p.tablePath.tableName } : null,
    refresh: {
      cron: p.refreshConfig?.cron,
      isFullRefresh: p.refreshConfig?.isFullRefresh ?? undefined,
      lowerInterval: p.refreshConfig?.updateLowerInterval,
      upperInterval: p.refreshConfig?.updateUpperInterval,
    },
  };
}
