"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { MARK_KINDS } from "@/lib/marks/kinds";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { MarkDialog, type PendingMark } from "./mark-dialog";
import { useReadOnlyReason } from "./read-only-reason";
import { mutationError, useMarkMutation } from "./use-mark-mutation";

/** Full-refresh tables have no partitions: their state, and the one mark CAN takes for them. */
export function FullRefreshPanel({ tenantId, calendar, canMark }: { tenantId: string; calendar: PlanCalendar; canMark: boolean }) {
  const t = useTranslations("plan.fullRefresh");
  const readOnlyReason = useReadOnlyReason(calendar);
  const [pending, setPending] = useState<PendingMark | null>(null);
  const mutation = useMarkMutation(tenantId, calendar.plan.uuid, null, () => setPending(null));
  return (
    <section aria-labelledby="refresh-heading" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="refresh-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm">
        {t.rich("state", {
          state: () => <strong data-testid="has-data">{calendar.hasData ? t("hasData") : t("noData")}</strong>,
        })}
      </p>
      {canMark ? (
        <button
          type="button"
          className="mt-3 rounded bg-blue-800 px-3 py-1.5 text-sm text-white disabled:opacity-50"
          disabled={calendar.readOnlyReason !== null}
          onClick={() => {
            mutation.reset();
            setPending({
              kind: "refresh",
              ranges: [],
              partitions: 0,
              countsBefore: {},
              body: MARK_KINDS.refresh.body(calendar.plan.uuid, { kind: "refresh" }),
              endpoint: MARK_KINDS.refresh.endpoint,
              needsName: false,
              refusal: null,
              offScreen: { shown: "", ranges: [] },
              outsideWindow: null,
            });
          }}
        >
          {t("mark")}
        </button>
      ) : (
        <p className="mt-2 text-sm text-slate-700" role="note">
          {t("roleCannotMark")}
        </p>
      )}
      {readOnlyReason && (
        <p className="mt-2 text-sm text-slate-700" role="note">
          {t("disabled", { reason: readOnlyReason })}
        </p>
      )}
      <MarkDialog
        planName={calendar.plan.name}
        pending={pending}
        busy={mutation.isPending}
        error={mutationError(mutation.error)}
        onCancel={() => setPending(null)}
        onConfirm={() => mutation.mutate({ kind: "refresh", ranges: [] })}
      />
    </section>
  );
}
