"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useModalDialog } from "@/components/use-modal-dialog";
import { ErrorPanel } from "@/components/error-panel";
import { useErrorText } from "@/components/use-error-text";
import type { AppError } from "@/lib/api/result";
import { BULK_CONCURRENCY } from "@/lib/marks/bulk";
import { markEffect } from "@/lib/marks/effect";
import { MarkEffectSummary } from "../../[uuid]/_components/mark-effect-summary";
import { useFutureRefusalText } from "../../[uuid]/_components/range-words";
import type { BulkPreview } from "./bulk-preview";

/** One confirmation for every plan of a bulk mark: each plan's current statuses and its exact request. */
export function BulkDialog({
  preview,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  preview: BulkPreview | null;
  busy: boolean;
  error: AppError | null;
  onConfirm: (confirmName: string | undefined) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("bulk.dialog");
  const tKind = useTranslations("marks");
  const tMark = useTranslations("plan.mark");
  const errorText = useErrorText();
  const futureText = useFutureRefusalText();
  const [typed, setTyped] = useState("");
  const ref = useModalDialog(preview !== null, () => setTyped(""));
  const titleId = useId();
  const typedId = useId();

  const canConfirm = !!preview && !busy && !preview.refusal && (preview.confirmation === null || typed.trim() === preview.confirmation);
  const danger = preview?.kind === "clear" || preview?.kind === "failed";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-[44rem] max-w-[95vw] rounded-lg border border-slate-300 p-0 shadow-2xl backdrop:bg-slate-900/50"
    >
      {preview && (
        <form
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            if (canConfirm) onConfirm(preview.confirmation === null ? undefined : typed.trim());
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            {t("title", { action: tKind(`${preview.kind}.title`), plans: preview.plans.length })}
          </h2>
          <p>
            {t.rich("summary", {
              plans: preview.plans.length,
              partitions: preview.partitions,
              status: tKind(`${preview.kind}.becomes`),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="font-mono text-xs" data-testid="bulk-ranges">
            {preview.ranges.map((r) => (r.start === r.end ? r.start : `${r.start}..${r.end}`)).join(", ")}
          </p>
          {preview.refusal && (
            <p role="alert" className="rounded border border-red-800 bg-red-50 p-2 text-sm text-red-900">
              <span className="font-semibold">{tMark("cannotSend")} </span>
              {futureText(preview.refusal, preview.refusal.today)}
            </p>
          )}
          <ol className="max-h-[45vh] space-y-3 overflow-auto" aria-label={t("plansLabel")}>
            {preview.plans.map((p) => {
              const effect = p.countsBefore ? markEffect(preview.kind, p.countsBefore) : null;
              return (
                <li key={p.uuid} className="rounded border border-slate-300 p-3" aria-label={p.displayName} data-testid="bulk-plan">
                  <h3 className="font-semibold">
                    {p.displayName} <span className="font-mono text-xs font-normal text-slate-700">{p.name}</span>
                  </h3>
                  {p.readError ? (
                    <p className="text-sm text-red-800">{t("unread", { error: p.readError.can?.errorMsg ?? errorText(p.readError) })}</p>
                  ) : effect ? (
                    <MarkEffectSummary effect={effect} />
                  ) : null}
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sm">{tMark("request", { endpoint: p.endpoint })}</summary>
                    <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="bulk-request-body">
                      {JSON.stringify(p.body, null, 2)}
                    </pre>
                  </details>
                </li>
              );
            })}
          </ol>
          {preview.confirmation !== null && (
            <div>
              <label htmlFor={typedId} className="block text-sm font-medium">
                {danger ? tMark("removes") : ""}
                {preview.plans.length > 1
                  ? t("typeCount", { count: preview.plans.length })
                  : tMark.rich("typeName", { name: () => <span className="font-mono">{preview.confirmation}</span> })}
              </label>
              <input
                id={typedId}
                data-autofocus
                autoComplete="off"
                inputMode={preview.plans.length > 1 ? "numeric" : undefined}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                className="mt-1 w-full rounded border border-slate-400 px-2 py-1 font-mono"
              />
            </div>
          )}
          {busy && (
            <div role="status" className="flex items-center gap-3 text-sm">
              <progress className="w-40" aria-label={t("progressLabel")} />
              <span>{t("sending", { plans: preview.plans.length, concurrency: BULK_CONCURRENCY })}</span>
            </div>
          )}
          {error && <ErrorPanel title={t("refused")} error={error} />}
          <div className="flex justify-end gap-3">
            <button type="button" onClick={onCancel} disabled={busy} className="shrink-0 whitespace-nowrap rounded border border-slate-400 px-3 py-1.5">
              {tMark("cancel")}
            </button>
            <button
              type="submit"
              disabled={!canConfirm}
              data-autofocus={preview.confirmation === null ? true : undefined}
              className={`rounded px-3 py-1.5 text-white disabled:opacity-50 ${danger ? "bg-red-800" : "bg-blue-800"}`}
            >
              {busy ? tMark("sending") : t("confirm", { action: tKind(`${preview.kind}.action`), plans: preview.plans.length })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
