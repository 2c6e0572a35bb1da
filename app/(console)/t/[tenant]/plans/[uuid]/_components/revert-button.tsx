"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useToast } from "@/components/toast";
import { useErrorText } from "@/components/use-error-text";
import { fetchResult } from "@/lib/api/fetch-result";
import type { AppError } from "@/lib/api/result";
import { changedRanges, kindOf, markSpec, needsTypedName } from "@/lib/marks/kinds";
import { planRevert, type RevertChoices } from "@/lib/marks/revert-plan";
import { countStatusesInRanges, type StatusRun } from "@/lib/partitions";
import { queryKeys } from "@/lib/query-keys";
import type { RevertFacts, RevertReceipt } from "@/lib/services/revert";
import { revertMarkAction } from "../revert-actions";
import { MarkDialog } from "./mark-dialog";
import type { PendingRevert } from "./revert-summary";

const NO_CHOICES: RevertChoices = { include: [], pick: [] };

/**
 * "Revert" on a mark of the plan's history or the audit page: reads what the revert would send,
 * shows it in the mark dialog, and sends it through the revert action (the server plans it again
 * and refuses it if it differs from what was shown).
 */
export function RevertButton({ tenantId, markId }: { tenantId: string; markId: string }) {
  const t = useTranslations("revert");
  const toast = useToast();
  const errorText = useErrorText();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [facts, setFacts] = useState<RevertFacts | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [choices, setChoices] = useState<RevertChoices>(NO_CHOICES);

  const pending = facts && open ? pendingRevertOf(facts, choices, setChoices) : null;

  const mutation = useMutation({
    mutationFn: async (confirmName: string | undefined): Promise<RevertReceipt> => {
      if (!pending) throw new RevertFailure({ code: "VALIDATION", message: "Nothing to revert." });
      const { include, pick } = pending.choices;
      const result = await revertMarkAction({ tenantId, markId, include, pick, expected: JSON.stringify(pending.plan.changes), confirmName });
      if (!result.ok) throw new RevertFailure(result.error);
      return result.data;
    },
    onSuccess: (receipt) => {
      toast.show({
        tone: "success",
        title: t("toastDone", { count: receipt.partitions }),
        detail: t("toastDetail", { calls: receipt.calls.length, requestId: receipt.calls[0]?.requestId ?? "" }),
      });
      setOpen(false);
    },
    onSettled: async () => {
      if (!facts) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.plan(tenantId, facts.planUuid) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.planHistory(tenantId, facts.planUuid) }),
      ]);
      // The audit page is drawn on the server: read it again so the revert's rows show.
      router.refresh();
    },
  });

  const start = async () => {
    setLoading(true);
    const result = await fetchResult<RevertFacts>(`/api/t/${encodeURIComponent(tenantId)}/marks/${encodeURIComponent(markId)}/revert`);
    setLoading(false);
    if (!result.ok) {
      toast.show({ tone: "error", title: t("loadFailed"), detail: errorText(result.error) });
      return;
    }
    mutation.reset();
    setChoices(NO_CHOICES);
    setFacts(result.data);
    setOpen(true);
  };

  const error = mutation.error ? (mutation.error instanceof RevertFailure ? mutation.error.appError : UNREACHABLE) : null;
  return (
    <>
      <button
        type="button"
        onClick={() => void start()}
        disabled={loading}
        aria-busy={loading}
        className="mt-1 rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
        data-revert={markId}
      >
        {loading ? t("loading") : t("button")}
      </button>
      {facts && (
        <MarkDialog
          planName={facts.planName}
          pending={pending}
          busy={mutation.isPending}
          error={error}
          onCancel={() => setOpen(false)}
          onConfirm={(confirmName) => mutation.mutate(confirmName)}
        />
      )}
    </>
  );
}

const UNREACHABLE: AppError = { code: "INTERNAL", message: "The request failed before reaching the server. Check your connection." };

class RevertFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/** What the dialog shows for these facts and choices; the server plans the same from the same. */
function pendingRevertOf(facts: RevertFacts, choices: RevertChoices, onChoices: (c: RevertChoices) => void): PendingRevert {
  const plan = planRevert(facts.granularity, facts.stretches, choices);
  // The typed-name rule counts what each call overwrites now, as the server will.
  const current = facts.current as unknown as StatusRun[];
  const needsName = plan.changes.some(({ change, partitions }) =>
    needsTypedName(
      kindOf(change),
      partitions,
      countStatusesInRanges(
        current,
        changedRanges(change).map((r) => r.range),
        facts.granularity,
      ),
    ),
  );
  const requests = plan.changes.map(({ change }) => ({ endpoint: markSpec(change).endpoint, body: markSpec(change).body(facts.planUuid, change) }));
  return { kind: "revert", facts, choices, plan, requests, needsName, onChoices };
}
