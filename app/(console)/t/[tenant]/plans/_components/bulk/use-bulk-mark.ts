"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchResult } from "@/lib/api/fetch-result";
import type { AppError, Result } from "@/lib/api/result";
import type { BulkMarkKind } from "@/lib/marks/bulk";
import type { Granularity, KeyRange } from "@/lib/partitions";
import { queryKeys } from "@/lib/query-keys";
import type { BulkMarkResult } from "@/lib/services/bulk-marking";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { bulkMarkAction } from "../../actions";
import { previewBulk, type BulkPlanRef, type BulkPreview } from "./bulk-preview";

export type BulkAsk = { kind: BulkMarkKind; granularity: Granularity; ranges: KeyRange[]; plans: BulkPlanRef[] };

/** The last bulk mark sent and what each plan answered, so "Retry failed" can send it again. */
export type BulkOutcome = { ask: BulkAsk; result: Result<BulkMarkResult> };

const unreachable: AppError = { code: "INTERNAL", message: "The request failed before reaching the server. Check your connection." };

/**
 * Opening a bulk mark reads each plan's calendar (fresh, through the same GET route and query key as
 * the plan page) to show what will change; confirming sends one server action that marks each plan.
 */
export function useBulkMark(tenantId: string) {
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  const open = async (ask: BulkAsk) => {
    setLoading(true);
    try {
      const calendars = await Promise.all(
        ask.plans.map((p) =>
          queryClient.fetchQuery({
            queryKey: queryKeys.plan(tenantId, p.uuid),
            queryFn: () => fetchResult<PlanCalendar>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(p.uuid)}`),
            staleTime: 0,
          }),
        ),
      );
      setPreview(previewBulk(ask.kind, ask.granularity, ask.ranges, ask.plans, calendars));
    } finally {
      setLoading(false);
    }
  };

  const send = useMutation({
    mutationFn: async ({ ask, confirmName }: { ask: BulkAsk; confirmName: string | undefined }): Promise<Result<BulkMarkResult>> => {
      try {
        return await bulkMarkAction({
          tenantId,
          kind: ask.kind,
          granularity: ask.granularity,
          ranges: ask.ranges,
          planUuids: ask.plans.map((p) => p.uuid),
          confirmName,
        });
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    onSuccess: (result, { ask }) => {
      // A refusal of the whole request (validation, role) stays in the dialog; per-plan results go to the page.
      if (!result.ok) return;
      setOutcome({ ask, result });
      setPreview(null);
    },
    onSettled: (_r, _e, { ask }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["plans", tenantId] }),
        // The strips show what was just marked (the page's health is a query of its own).
        queryClient.invalidateQueries({ queryKey: ["plans-health", tenantId] }),
        ...ask.plans.flatMap((p) => [
          queryClient.invalidateQueries({ queryKey: queryKeys.plan(tenantId, p.uuid) }),
          queryClient.invalidateQueries({ queryKey: queryKeys.planHistory(tenantId, p.uuid) }),
        ]),
      ]),
  });

  const refused = send.data && !send.data.ok ? send.data.error : null;
  return {
    preview,
    loading,
    outcome,
    open,
    cancel: () => {
      setPreview(null);
      send.reset();
    },
    confirm: (confirmName: string | undefined) => {
      if (!preview) return;
      const { kind, granularity, ranges } = preview;
      const plans = preview.plans.map(({ uuid, name, displayName }) => ({ uuid, name, displayName }));
      send.mutate({ ask: { kind, granularity, ranges, plans }, confirmName });
    },
    sending: send.isPending,
    refused,
    dismiss: () => setOutcome(null),
  };
}
