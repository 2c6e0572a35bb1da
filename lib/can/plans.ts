import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
import { canFetch, type CanCallOptions } from "./client";
import type { PlanDetails, PlanSummary, ReferenceScript } from "./types";

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

const optionalNumber = z.number().nullish().transform((v) => v ?? undefined);
const optionalString = z.string().nullish().transform((v) => v ?? undefined);

const planDetailSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  displayName: z.string().nullish(),
  materializeType: z.string(),
  metricTimeGranularity: z.string().nullish(),
  tablePath: z
    .looseObject({ tableCatalog: optionalString, tableSchema: optionalString, tableName: optionalString })
    .nullish(),
  refreshConfig: z
    .looseObject({
      cron: optionalString,
      isFullRefresh: z.boolean().nullish(),
      updateLowerInterval: optionalNumber,
      updateUpperInterval: optionalNumber,
    })
    .nullish(),
});

const CONFIG_SECTIONS = ["metricEntityList", "mtConfig", "metricList", "dimensionList", "timeConstraint", "dimensionFilters"] as const;

export async function getPlan(tenant: Tenant, uuid: string, options?: CanCallOptions): Promise<PlanDetails> {
  const p = await canFetch(tenant, { endpoint: "queryAccelerateResultPlan", method: "GET", query: { uuid }, schema: planDetailSchema }, options);
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_SECTIONS) if (p[key] !== undefined && p[key] !== null) config[key] = p[key];
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
    config,
  };
}

const sqlListSchema = z.array(z.looseObject({ sql: z.string() })).nullish();
const scriptSchema = z.looseObject({
  referenceSchedule: z
    .looseObject({
      cron: optionalString,
      granularity: optionalString,
      updateUpperInterval: optionalNumber,
      updateLowerInterval: optionalNumber,
      isFullRefresh: z.boolean().nullish(),
    })
    .nullish(),
  sqlScripts: z.record(z.string(), z.record(z.string(), z.record(z.string(), sqlListSchema))).nullish(),
});

export async function getReferenceScript(tenant: Tenant, uuid: string, options?: CanCallOptions): Promise<ReferenceScript> {
  const r = await canFetch(tenant, { endpoint: "queryReferenceScript", method: "GET", query: { uuid }, schema: scriptSchema }, options);
  const s = r.referenceSchedule;
  return {
    schedule: s
      ? { cron: s.cron, granularity: s.granularity, lowerInterval: s.updateLowerInterval, upperInterval: s.updateUpperInterval, isFullRefresh: s.isFullRefresh ?? undefined }
      : null,
    scripts: Object.entries(r.sqlScripts ?? {}).map(([table, groups]) => ({
      table,
      statements: Object.entries(groups).flatMap(([group, kinds]) =>
        Object.entries(kinds).flatMap(([kind, list]) => (list ?? []).map((s) => ({ kind: `${group}.${kind}`, sql: s.sql }))),
      ),
    })),
  };
}
