import { createHash } from "node:crypto";
import type { PlanRecord } from "./state-types";

function fieldId(plan: PlanRecord, code: string): string {
  return createHash("sha256").update(`${plan.id}/${code}`).digest("hex").slice(0, 16);
}

function timeColumnType(granularity: string): string {
  return granularity === "MONTH" ? "VARCHAR(7)" : "DATE";
}

export type MtColumn = { columnName: string; fieldId: string; type: string; role: "TIME" | "DIMENSION" | "METRIC" };

/** Materialized-table columns: the time column first (it is the partition column), then dims, metrics. */
export function mtColumns(plan: PlanRecord): MtColumn[] {
  return [
    { columnName: "metric_time", fieldId: fieldId(plan, "metric_time"), type: timeColumnType(plan.metricTimeGranularity), role: "TIME" },
    ...plan.dimensions.map((d) => ({ columnName: d, fieldId: fieldId(plan, d), type: "VARCHAR(255)", role: "DIMENSION" as const })),
    ...plan.metrics.map((m) => ({ columnName: m, fieldId: fieldId(plan, m), type: "DECIMAL(38, 4)", role: "METRIC" as const })),
  ];
}

/** The queryAccelerateResultPlan body. Only the documented top-level fields; inner shapes are plausible. */
export function planDetail(plan: PlanRecord): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    displayName: plan.displayName,
    tablePath: { ...plan.tablePath },
    materializeType: plan.materializeType,
    metricTimeGranularity: plan.metricTimeGranularity,
    metricEntityList: plan.metrics.map((metric) => ({
      metricCode: metric,
      entity: plan.entity,
      rollupDimensions: [...plan.dimensions],
    })),
    mtConfig: { columns: mtColumns(plan) },
    metricList: [...plan.metrics],
    dimensionList: [...plan.dimensions],
    timeConstraint: plan.isFullRefresh ? null : `[metric_time] <= DATEADD(TODAY(), -1, "${plan.metricTimeGranularity}")`,
    dimensionFilters: [],
    refreshConfig: {
      cron: plan.cron,
      isFullRefresh: plan.isFullRefresh,
      updateLowerInterval: plan.updateLowerInterval,
      updateUpperInterval: plan.updateUpperInterval,
    },
  };
}
