"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ErrorPanel } from "@/components/error-panel";
import type { AppError } from "@/lib/api/result";
import { describeRanges } from "@/lib/marks/future";
import { markEffect } from "@/lib/marks/effect";
import { MARK_KINDS, type MarkEndpoint, type MarkKind as TableMarkKind } from "@/lib/marks/kinds";
import type { KeyRange, PartitionStatus } from "@/lib/partitions";
import { MarkEffectSummary } from "./mark-effect-summary";

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
  refusal: string | null;
  /** The part of the selection the calendar does not show now (another year), so nothing is marked unseen. */
  offScreen: { shown: string; ranges: KeyRange[] };
  /** The part outside the plan's window (never expected by its schedule): the typed name is asked for it. */
  outsideWindow: { window: KeyRange; ranges: KeyRange[] } | null;
};

const TITLE = (kind: MarkKind) => MARK_KINDS[kind].title;
const NEW_STATUS = (kind: MarkKind) => MARK_KINDS[kind].becomes;

/** Shows exactly what will happen (ranges, status changes, CAN's request body) before anything is sent. */
export function MarkDialog({
  planName,
  pending,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  planName: string;
  pending: PendingMark | null;
  busy: boolean;
  error: AppError | null;
  onConfirm: (confirmName: string | undefined) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const titleId = useId();
  const nameId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) {
      setTyped("");
      dialog.showModal();
      // autoFocus runs before showModal opens the dialog, so focus the intended control now.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const effect = pending ? markEffect(pending.kind, pending.countsBefore) : null;
  const nothingChanges = effect !== null && effect.changingTotal === 0;
  const canConfirm = !!pending && !busy && !pending.refusal && (!pending.needsName || typed === planName);
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
            {TITLE(pending.kind)}
          </h2>
          {pending.kind === "refresh" ? (
            <p>
              CAN will record a successful full refresh of <strong>{planName}</strong>. No data is written; only the metadata changes.
            </p>
          ) : (
            <>
              <p>
                <strong>{pending.partitions}</strong> partition{pending.partitions === 1 ? "" : "s"} in <strong>{pending.ranges.length}</strong> range
                {pending.ranges.length === 1 ? "" : "s"} will be sent as <strong>{NEW_STATUS(pending.kind)}</strong>. Metadata only: the physical table is
                untouched.
              </p>
              {effect && <MarkEffectSummary effect={effect} />}
              {pending.refusal && (
                <p role="alert" className="rounded border border-red-800 bg-red-50 p-2 text-sm text-red-900">
                  <span className="font-semibold">This mark cannot be sent. </span>
                  {pending.refusal}
                </p>
              )}
              {pending.offScreen.ranges.length > 0 && (
                <p className="text-sm" data-testid="off-screen">
                  <span className="font-semibold">Not on screen</span> (the calendar shows {pending.offScreen.shown}):{" "}
                  <span className="font-mono text-xs">{describeRanges(pending.offScreen.ranges, 5)}</span>
                </p>
              )}
              {pending.outsideWindow && pending.outsideWindow.ranges.length > 0 && (
                <p className="text-sm" data-testid="outside-window">
                  <span className="font-semibold">Outside the plan&apos;s window</span> ({pending.outsideWindow.window.start} to{" "}
                  {pending.outsideWindow.window.end}, what its schedule expects by now):{" "}
                  <span className="font-mono text-xs">{describeRanges(pending.outsideWindow.ranges, 5)}</span>. Its schedule never expected these, so the plan
                  name is asked.
                </p>
              )}
              <div>
                <h3 className="text-sm font-semibold">Ranges</h3>
                <ul className="mt-1 max-h-28 overflow-auto font-mono text-xs" aria-label="Ranges to change">
                  {pending.ranges.map((r) => (
                    <li key={r.start}>{r.start === r.end ? r.start : `${r.start} .. ${r.end}`}</li>
                  ))}
                </ul>
              </div>
            </>
          )}
          <details open>
            <summary className="cursor-pointer text-sm font-semibold">Exact request to CAN ({pending.endpoint})</summary>
            <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="can-request-body">
              {JSON.stringify(pending.body, null, 2)}
            </pre>
          </details>
          {pending.needsName && (
            <div>
              <label htmlFor={nameId} className="block text-sm font-medium">
                {pending.kind === "clear" || pending.kind === "failed" ? "This removes partitions that queries hit today. " : ""}
                Type the plan name <span className="font-mono">{planName}</span> to confirm
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
          {error && <ErrorPanel title="CAN did not apply the change" error={error} />}
          <div className="flex justify-end gap-3">
            <button type="button" onClick={onCancel} disabled={busy} className="rounded border border-slate-400 px-3 py-1.5">
              Cancel
            </button>
            <button
              type="submit"
              disabled={!canConfirm}
              data-autofocus={pending.needsName ? undefined : true}
              className={`rounded px-3 py-1.5 text-white disabled:opacity-50 ${pending.kind === "clear" || pending.kind === "failed" ? "bg-red-800" : "bg-blue-800"}`}
            >
              {busy ? "Sending…" : `${nothingChanges ? "Confirm anyway" : "Confirm"}: ${TITLE(pending.kind).toLowerCase()}`}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
