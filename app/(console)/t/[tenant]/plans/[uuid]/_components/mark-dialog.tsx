"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useModalDialog } from "@/components/use-modal-dialog";
import { ErrorPanel } from "@/components/error-panel";
import type { AppError } from "@/lib/api/result";
import type { FutureRefusal, ServerToday } from "@/lib/marks/future";
import { markEffect } from "@/lib/marks/effect";
import type { MarkEndpoint, MarkKind as TableMarkKind } from "@/lib/marks/kinds";
import type { KeyRange, PartitionStatus } from "@/lib/partitions";
import { MarkEffectSummary } from "./mark-effect-summary";
import { useDescribeRanges, useFutureRefusalText } from "./range-words";
import { RevertSummary, type PendingRevert } from "./revert-summary";

/** The kinds a person starts from the page (a mixed mark comes only from machines). */
export type MarkKind = Exclude<TableMarkKind, "mixed">;

export type PendingMark = {
  kind: MarkKind;
  ranges: KeyRange[];
  partitions: number;
  countsBefore: Partial<Record<PartitionStatus | "outside", number>>;
  body: unknown;
  endpoint: MarkEndpoint;
  needsName: boolean;
  /** Why the server would refuse this mark (future partitions): shown, and nothing can be sent. */
  refusal: (FutureRefusal & { today: ServerToday }) | null;
  /** The part of the selection the calendar does not show now (another year), so nothing is marked unseen. */
  offScreen: { shown: string; ranges: KeyRange[] };
  /** The part outside the plan's window (never expected by its schedule): the typed name is asked for it. */
  outsideWindow: { window: KeyRange; ranges: KeyRange[] } | null;
};

/**
 * Shows exactly what will happen (ranges, status changes, CAN's request body) before anything is
 * sent; a revert of a mark is confirmed here too, with each of its requests.
 */
export function MarkDialog({
  planName,
  pending,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  planName: string;
  pending: PendingMark | PendingRevert | null;
  busy: boolean;
  error: AppError | null;
  onConfirm: (confirmName: string | undefined) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("plan.mark");
  const tKind = useTranslations("marks");
  const describeRanges = useDescribeRanges();
  const futureText = useFutureRefusalText();
  const [typed, setTyped] = useState("");
  const ref = useModalDialog(pending !== null, () => setTyped(""));
  const titleId = useId();
  const nameId = useId();

  const tRevert = useTranslations("revert");
  const mark = pending && pending.kind !== "revert" ? pending : null;
  const effect = mark ? markEffect(mark.kind, mark.countsBefore) : null;
  const nothingChanges = effect !== null && effect.changingTotal === 0;
  const sendable = mark ? !mark.refusal : pending?.kind === "revert" && pending.plan.changes.length > 0;
  const canConfirm = !!pending && !busy && sendable && (!pending.needsName || typed === planName);
  const requests = pending?.kind === "revert" ? pending.requests : mark ? [{ endpoint: mark.endpoint, body: mark.body }] : [];
  const takesAway = pending?.kind === "clear" || pending?.kind === "failed";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[40rem] max-w-[95vw] rounded-lg border border-slate-300 p-0 shadow-2xl backdrop:bg-slate-900/50"
    >
      {pending && (
        <form
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (canConfirm) onConfirm(pending.needsName ? typed : undefined);
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {pending.kind === "revert" ? tRevert("title") : tKind(`${pending.kind}.title`)}
          </h2>
          {pending.kind === "revert" ? (
            <RevertSummary pending={pending} />
          ) : pending.kind === "refresh" ? (
            <p>{t.rich("refresh", { plan: () => <strong>{planName}</strong> })}</p>
          ) : (
            <>
              <p>
                {t.rich("summary", {
                  partitions: pending.partitions,
                  ranges: pending.ranges.length,
                  status: tKind(`${pending.kind}.becomes`),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              {effect && <MarkEffectSummary effect={effect} />}
              {pending.refusal && (
                <p role="alert" className="rounded border border-red-800 bg-red-50 p-2 text-sm text-red-900">
                  <span className="font-semibold">{t("cannotSend")} </span>
                  {futureText(pending.refusal, pending.refusal.today)}
                </p>
              )}
              {pending.offScreen.ranges.length > 0 && (
                <p className="text-sm" data-testid="off-screen">
                  {t.rich("offScreen", {
                    shown: pending.offScreen.shown,
                    b: (chunks) => <span className="font-semibold">{chunks}</span>,
                    ranges: () => <span className="font-mono text-xs">{describeRanges(pending.offScreen.ranges, 5)}</span>,
                  })}
                </p>
              )}
              {pending.outsideWindow && pending.outsideWindow.ranges.length > 0 && (
                <p className="text-sm" data-testid="outside-window">
                  {t.rich("outsideWindow", {
                    start: pending.outsideWindow.window.start,
                    end: pending.outsideWindow.window.end,
                    b: (chunks) => <span className="font-semibold">{chunks}</span>,
                    ranges: () => <span className="font-mono text-xs">{describeRanges(pending.outsideWindow?.ranges ?? [], 5)}</span>,
                  })}
                </p>
              )}
              <div>
                <h3 className="text-sm font-semibold">{t("ranges")}</h3>
                <ul className="mt-1 max-h-28 overflow-auto font-mono text-xs" aria-label={t("rangesLabel")}>
                  {pending.ranges.map((r) => (
                    <li key={r.start}>{r.start === r.end ? r.start : `${r.start} .. ${r.end}`}</li>
                  ))}
                </ul>
              </div>
            </>
          )}
          {requests.map((r, i) => (
            <details open key={i}>
              <summary className="cursor-pointer text-sm font-semibold">
                {requests.length > 1 ? tRevert("requestN", { n: i + 1, of: requests.length, endpoint: r.endpoint }) : t("request", { endpoint: r.endpoint })}
              </summary>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="can-request-body">
                {JSON.stringify(r.body, null, 2)}
              </pre>
            </details>
          ))}
          {pending.needsName && (
            <div>
              <label htmlFor={nameId} className="block text-sm font-medium">
                {takesAway ? t("removes") : ""}
                {t.rich("typeName", { name: () => <span className="font-mono">{planName}</span> })}
              </label>
              <input
                id={nameId}
                data-autofocus
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-1 w-full rounded border border-slate-400 px-2 py-1 font-mono"
              />
            </div>
          )}
          {error && <ErrorPanel title={t("failed")} error={error} />}
          <div className="flex justify-end gap-3">
            <button type="button" onClick={onCancel} disabled={busy} className="rounded border border-slate-400 px-3 py-1.5">
              {t("cancel")}
            </button>
            <button
              type="submit"
              disabled={!canConfirm}
              data-autofocus={pending.needsName ? undefined : true}
              className={`rounded px-3 py-1.5 text-white disabled:opacity-50 ${takesAway ? "bg-red-800" : "bg-blue-800"}`}
            >
              {busy
                ? t("sending")
                : t(nothingChanges ? "confirmAnyway" : "confirm", { action: pending.kind === "revert" ? tRevert("action") : tKind(`${pending.kind}.action`) })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
