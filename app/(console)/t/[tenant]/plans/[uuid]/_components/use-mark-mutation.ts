"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/toast";
import { useErrorText } from "@/components/use-error-text";
import type { AppError, Result } from "@/lib/api/result";
import { applyStatusToRuns, countByStatus, type Granularity, type KeyRange } from "@/lib/partitions";
import { MAX_LISTING_RUNS } from "@/lib/marks/limits";
import type { SealedListingInput } from "@/lib/schemas/marks";
import { MARK_KINDS } from "@/lib/marks/kinds";
import { queryKeys } from "@/lib/query-keys";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import type { MarkReceipt } from "@/lib/services/marking";
import { clearPartitionsAction, markPartitionsAction, markRefreshedAction } from "../actions";
import type { MarkKind } from "./mark-dialog";

/** `listing`: the calendar the page shows, as the server sealed it, so the mark need not read CAN's list again. */
export type MarkRequest = { kind: MarkKind; ranges: KeyRange[]; confirmName?: string | undefined; listing?: SealedListingInput | undefined };

/** The calendar's sealed listing, when it has one and it is small enough to send back. */
export function sealedListingOf(calendar: PlanCalendar): SealedListingInput | undefined {
  if (!calendar.seal || calendar.runs.length > MAX_LISTING_RUNS) return undefined;
  return { readAt: calendar.readAt, throughSeq: calendar.throughSeq, runs: calendar.runs, seal: calendar.seal };
}

class MarkFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/**
 * One server action per confirmed mark, with an optimistic update that rolls back on failure and a
 * refetch afterwards so the grid shows CAN's truth.
 */
export function useMarkMutation(tenantId: string, planUuid: string, g: Granularity | null, onDone: () => void) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const t = useTranslations("plan.toast");
  const tKind = useTranslations("marks");
  const errorText = useErrorText();
  const key = queryKeys.plan(tenantId, planUuid);

  return useMutation({
    mutationFn: async (req: MarkRequest): Promise<MarkReceipt> => {
      const base = { tenantId, planUuid, confirmName: req.confirmName };
      let result: Result<MarkReceipt>;
      if (req.kind === "refresh") result = await markRefreshedAction(base);
      else if (!g) throw new MarkFailure({ code: "VALIDATION", message: t("cannotMark") });
      else if (req.kind === "clear") result = await clearPartitionsAction({ ...base, granularity: g, ranges: req.ranges, listing: req.listing });
      else result = await markPartitionsAction({ ...base, granularity: g, [req.kind]: req.ranges, listing: req.listing });
      if (!result.ok) throw new MarkFailure(result.error);
      return result.data;
    },
    onMutate: async (req) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Result<PlanCalendar>>(key);
      const status = MARK_KINDS[req.kind].resultingStatus;
      if (previous?.ok && g && status !== null) {
        const runs = applyStatusToRuns(previous.data.runs, req.ranges, status, g);
        // Not CAN's answer any more, so no longer sealed: a mark sent before the refetch reads CAN.
        const optimistic: Result<PlanCalendar> = { ok: true, data: { ...previous.data, runs, counts: countByStatus(runs, g), seal: null } };
        queryClient.setQueryData(key, optimistic);
      }
      return { previous };
    },
    onError: (error, _req, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const appError = error instanceof MarkFailure ? error.appError : undefined;
      toast.show({
        tone: "error",
        title: t("nothingChanged"),
        // CAN's own words as CAN sent them; our own errors in the page's language.
        detail: appError?.can
          ? [appError.can.errorMsg, appError.can.detailErrorMsg, appError.can.traceId && `traceId ${appError.can.traceId}`].filter(Boolean).join(" · ")
          : appError
            ? errorText(appError)
            : t("requestFailed"),
      });
    },
    onSuccess: (receipt, req) => {
      toast.show({
        tone: "success",
        title:
          req.kind === "refresh"
            ? t("refreshed")
            : req.kind === "clear"
              ? t("cleared", { count: receipt.partitions })
              : t("marked", { count: receipt.partitions, status: tKind(`${req.kind}.becomes`) }),
        detail: t("detail", { ranges: receipt.ranges, requestId: receipt.requestId }),
      });
      onDone();
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: queryKeys.planHistory(tenantId, planUuid) })]),
  });
}

export function mutationError(error: unknown): AppError | null {
  if (!error) return null;
  return error instanceof MarkFailure ? error.appError : { code: "INTERNAL", message: "The request failed before reaching the server. Check your connection." };
}
