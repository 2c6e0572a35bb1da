import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
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

/** Every plan of the tenant, optionally filtered by type (all pages, sequentially: lists are short). */
export async function listPlans(tenant: Tenant, materializeType?: string, options?: CanCallOptions): Promise<PlanSummary[]> {
  const plans: PlanSummary[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_PLAN_PAGES; pageNumber++) {
    const page = await listPlansPage(tenant, pageNumber, PLAN_LIST_PAGE_SIZE, options, materializeType);
    plans.push(...page.plans);
    const more = page.hasNext ?? (page.total !== undefined ? plans.length < page.total : false);
    if (!more || page.plans.length === 0) break;
  }
  return plans;
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
