"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { fetchResult } from "@/lib/api/fetch-result";
import type { Result } from "@/lib/api/result";
import { healthSearch } from "@/lib/health/health-request";
import type { RowHealth } from "@/lib/health/order";
import { queryKeys } from "@/lib/query-keys";
import type { PlanHealth } from "@/lib/services/plan-health";
import type { PlanOverview } from "@/lib/services/plans";

/** A row's health on screen: still being read, or the server's answer for that plan. */
export type ShownHealth = { state: "loading" } | { state: "read"; health: PlanHealth };

/** The visible page's health read: the route's answer, one entry per EXTERNAL plan. */
export type HealthRead = Result<Record<string, PlanHealth>>;

/**
 * The health of the visible page's EXTERNAL plans, suspending until it is there. On a page load the
 * server component started this read (start-plans-health.ts) and its promise arrives with the page,
 * so nothing is asked here; later pages, filters and invalidations read through the route.
 */
export function usePlansHealthRead(tenantId: string, uuids: readonly string[]): HealthRead {
  const { data } = useSuspenseQuery({
    queryKey: queryKeys.plansHealth(tenantId, uuids),
    queryFn: () => fetchResult<Record<string, PlanHealth>>(`/api/t/${encodeURIComponent(tenantId)}/plans/health?${healthSearch(uuids)}`),
  });
  return data;
}

/** Each row's health from the page's read, or every EXTERNAL row loading while `read` is null. */
export function shownHealth(items: readonly PlanOverview[], read: HealthRead | null) {
  const shown = (uuid: string): ShownHealth => {
    const plan = items.find((p) => p.uuid === uuid);
    if (!plan || plan.materializeType !== "EXTERNAL") return { state: "read", health: { kind: "none" } };
    if (!read) return { state: "loading" };
    // The whole read failing (CAN's plan details, the console's server unreachable) is every row's error, each in its row.
    if (!read.ok) return { state: "read", health: { kind: "error", problem: read.error.message } };
    return { state: "read", health: read.data[uuid] ?? { kind: "error", problem: null } };
  };
  return { shown, rowHealth: (uuid: string): RowHealth => toRowHealth(shown(uuid)) };
}

/** A row whose Partitions and Latest partition columns wait for its health (plans.ts `partitionsFromHealth`). */
export type TableRow = PlanOverview & { partitionsPending?: boolean };

export function withHealthPartitions(p: PlanOverview, s: ShownHealth): TableRow {
  if (!p.partitionsFromHealth) return p;
  if (s.state === "loading") return { ...p, partitionsPending: true };
  return s.health.kind === "grid" ? { ...p, partitionCount: s.health.partitionCount, latestPartition: s.health.latestPartition } : p;
}

function toRowHealth(s: ShownHealth): RowHealth {
  if (s.state === "loading") return { state: "loading" };
  const h = s.health;
  if (h.kind === "grid") return { state: "grid", attention: h.attention, lateDays: h.lateDays };
  return { state: h.kind === "error" ? "error" : "none" };
}
