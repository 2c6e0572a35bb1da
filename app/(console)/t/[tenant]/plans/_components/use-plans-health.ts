"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchResult } from "@/lib/api/fetch-result";
import type { RowHealth } from "@/lib/health/order";
import type { PlanHealth } from "@/lib/services/plan-health";
import type { PlanOverview } from "@/lib/services/plans";

/** A row's health on screen: still being read, or the server's answer for that plan. */
export type ShownHealth = { state: "loading" } | { state: "read"; health: PlanHealth };

/**
 * The health of the visible page's EXTERNAL plans: one request per page (the server reads the plans
 * with bounded concurrency), sent after the table has painted. Other plans' rows need none.
 */
export function usePlansHealth(tenantId: string, items: readonly PlanOverview[]) {
  const uuids = items.filter((p) => p.materializeType === "EXTERNAL").map((p) => p.uuid);
  const search = new URLSearchParams(uuids.map((u) => ["uuid", u])).toString();
  const { data } = useQuery({
    queryKey: ["plans-health", tenantId, search],
    queryFn: () => fetchResult<Record<string, PlanHealth>>(`/api/t/${encodeURIComponent(tenantId)}/plans/health?${search}`),
    enabled: uuids.length > 0,
  });
  const shown = (uuid: string): ShownHealth => {
    const plan = items.find((p) => p.uuid === uuid);
    if (!plan || plan.materializeType !== "EXTERNAL") return { state: "read", health: { kind: "none" } };
    if (!data) return { state: "loading" };
    // The whole request failing (the console's server unreachable) is every row's error, each in its row.
    if (!data.ok) return { state: "read", health: { kind: "error", problem: data.error.message } };
    return { state: "read", health: data.data[uuid] ?? { kind: "error", problem: null } };
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
