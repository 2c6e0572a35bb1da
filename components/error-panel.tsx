"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { AppError } from "@/lib/api/result";
import { useErrorText } from "./use-error-text";

/** Shows a failure the way an operator needs it: what happened, CAN's own words, ids to quote, a retry. */
export function ErrorPanel({ title, error, onRetry, retrying }: { title: string; error: AppError; onRetry?: () => void; retrying?: boolean }) {
  const can = error.can;
  const headingId = useId();
  const t = useTranslations("errors");
  const text = useErrorText();
  return (
    <div role="alert" aria-labelledby={headingId} className="rounded border border-red-300 bg-red-50 p-4 text-red-950">
      <h2 id={headingId} className="font-semibold">
        {title}
      </h2>
      <p className="mt-1">{text(error)}</p>
      {can && (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("failure")}</dt>
          <dd>
            {t(`canKindNames.${can.kind}`)}
            {can.httpStatus ? ` (HTTP ${can.httpStatus})` : ""}
          </dd>
          {can.code && (
            <>
              <dt className="font-medium">{t("canCode")}</dt>
              <dd>{can.code}</dd>
            </>
          )}
          {can.errorMsg && (
            <>
              <dt className="font-medium">errorMsg</dt>
              <dd>{can.errorMsg}</dd>
            </>
          )}
          {can.detailErrorMsg && (
            <>
              <dt className="font-medium">detailErrorMsg</dt>
              <dd className="break-all">{can.detailErrorMsg}</dd>
            </>
          )}
          {can.traceId && (
            <>
              <dt className="font-medium">traceId</dt>
              <dd className="font-mono">{can.traceId}</dd>
            </>
          )}
        </dl>
      )}
      {error.requestId && <p className="mt-2 text-sm">{t.rich("requestId", { id: () => <span className="font-mono">{error.requestId}</span> })}</p>}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="mt-3 rounded bg-red-800 px-3 py-1.5 text-white hover:bg-red-900 disabled:opacity-60"
        >
          {retrying ? t("retrying") : t("retry")}
        </button>
      )}
    </div>
  );
}
