"use client";

import { useState } from "react";
import { isBulkSelectable, selectAllOnPage } from "@/lib/marks/bulk";
import type { PlanOverview } from "@/lib/services/plans";

/**
 * The plans picked for a bulk mark. Kept as rows (not only uuids) so a selection survives paging:
 * the bar still knows each plan's name and granularity when its row is on another page.
 */
export function useBulkSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, PlanOverview>>(new Map());
  const toggle = (plan: PlanOverview, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on && isBulkSelectable(plan)) next.set(plan.uuid, plan);
      else next.delete(plan.uuid);
      return next;
    });
  const setPage = (rows: readonly PlanOverview[], on: boolean) =>
    setSelected((prev) => {
      if (!on) return new Map([...prev].filter(([uuid]) => !rows.some((r) => r.uuid === uuid)));
      const uuids = selectAllOnPage(new Set(prev.keys()), rows);
      const next = new Map(prev);
      for (const r of rows) if (uuids.has(r.uuid)) next.set(r.uuid, r);
      return next;
    });
  return { selected, toggle, setPage, clear: () => setSelected(new Map()) };
}

export type BulkSelection = ReturnType<typeof useBulkSelection>;
