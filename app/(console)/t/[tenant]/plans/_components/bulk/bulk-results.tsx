"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useErrorText } from "@/components/use-error-text";
import type { AppError } from "@/lib/api/result";
import { plansToRetry } from "@/lib/marks/bulk";
import type { BulkOutcome } from "./use-bulk-mark";

/** CAN's own words as it sent them (never translated); our own errors in the page's language. */
function useFailureText(): (error: AppError) => string {
  const errorText = useErrorText();
  return (error) =>
    error.can
      ? [error.can.errorMsg ?? errorText(error), error.can.detailErrorMsg, error.can.traceId && `traceId ${error.can.traceId}`].filter(Boolean).join(" · ")
      : errorText(error);
}

/** Each plan's answer to the last bulk mark, and "Retry failed" for those that did not take it. */
export function BulkResults({
  outcome,
  busy,
  onRetry,
  onDismiss,
}: {
  outcome: BulkOutcome;
  busy: boolean;
  onRetry: (uuids: string[]) => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("bulk.results");
  const tKind = useTranslations("marks");
  const failureText = useFailureText();
  const headingId = useId();
  if (!outcome.result.ok) return null;
  const results = outcome.result.data.results;
  const failed = plansToRetry(results);
  const nameOf = (uuid: string) => outcome.ask.plans.find((p) => p.uuid === uuid)?.displayName ?? uuid;
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded border border-slate-300 bg-white p-4" data-testid="bulk-results">
      <div role="status">
        <h2 id={headingId} className="font-semibold">
          {t("heading", { ok: results.length - failed.length, total: results.length, action: tKind(`${outcome.ask.kind}.action`) })}
        </h2>
      </div>
      <ul className="mt-2 space-y-2 text-sm">
        {results.map((r) => (
          <li
            key={r.planUuid}
            className={`rounded border p-2 ${r.ok ? "border-green-700 bg-green-50" : "border-red-800 bg-red-50"}`}
            data-outcome={r.ok ? "ok" : "failed"}
          >
            <span className="font-semibold">{nameOf(r.planUuid)}</span>{" "}
            {r.ok ? (
              <span>
                {t("ok", { partitions: r.partitions, status: tKind(`${outcome.ask.kind}.becomes`) })}{" "}
                <span className="font-mono text-xs text-slate-700">{r.requestId}</span>
              </span>
            ) : (
              <span>
                <span className="font-semibold text-red-900">{t("failed")}</span> {failureText(r.error)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex gap-3">
        {failed.length > 0 && (
          <button type="button" disabled={busy} onClick={() => onRetry(failed)} className="rounded bg-blue-800 px-3 py-1.5 text-white disabled:opacity-50">
            {t("retry", { count: failed.length })}
          </button>
        )}
        <button type="button" onClick={onDismiss} className="rounded border border-slate-400 px-3 py-1.5">
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}
