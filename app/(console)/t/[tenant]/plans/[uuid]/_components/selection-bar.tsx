"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ServerToday } from "@/lib/marks/future";
import {
  countStatusesInRanges,
  parseRangeInput,
  rangeProblemMessage,
  rangesUpTo,
  selectionSize,
  selectionToUrlParam,
  type Granularity,
  type PartitionStatus,
  type RangeInputProblem,
  type Selection,
  type StatusRun,
} from "@/lib/partitions";
import { MARK_SHORTCUTS, markAvailability, type GridMarkKind } from "@/lib/marks/availability";
import type { MarkKind } from "./mark-dialog";
import { useFutureRefusalText } from "./range-words";

/** What is selected, in numbers, and what can be done with it. */
export function SelectionBar({
  g,
  selection,
  runs,
  readOnlyReason,
  canMark,
  onMark,
  onSelect,
  onSelectStatusInView,
  viewLabel,
  today,
}: {
  g: Granularity;
  selection: Selection;
  runs: readonly StatusRun[];
  readOnlyReason: string | null;
  /** Viewers and auditors get no mark buttons at all. */
  canMark: boolean;
  onMark: (kind: MarkKind) => void;
  onSelect: (sel: Selection) => void;
  onSelectStatusInView: (status: PartitionStatus) => void;
  viewLabel: string;
  /** The server's today: success and failed are refused after it (lib/marks/future.ts). */
  today: ServerToday | null;
}) {
  const t = useTranslations("plan.selection");
  const rangeProblemText = (problem: RangeInputProblem) => {
    const { key, values } = rangeProblemMessage(problem);
    return t(`rangeProblem.${key}`, values);
  };
  const tStatus = useTranslations("status.lower");
  const futureText = useFutureRefusalText();
  const [text, setText] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const size = selectionSize(selection, g);
  const counts = countStatusesInRanges(runs, selection, g);
  const { enabled, future } = markAvailability({ g, selection, readOnly: readOnlyReason !== null, canMark, today });
  const placeholder = g === "DAY" ? "2025-10-01..2025-10-31, 2025-11-03" : "2025-01..2025-06";

  return (
    <section aria-label={t("label")} className="z-10 space-y-2 md:sticky md:top-0 rounded border border-slate-300 bg-white p-3 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-medium" aria-live="polite" data-testid="selection-summary">
          {size === 0 ? t("none") : t("summary", { size, ranges: selection.length })}
        </p>
        {size > 0 && (
          <ul className="flex flex-wrap gap-2 text-xs" aria-label={t("byStatus")}>
            {(Object.entries(counts) as [PartitionStatus | "outside", number][])
              .filter(([, n]) => n > 0)
              .map(([s, n]) => (
                <li key={s} className="rounded bg-slate-100 px-2 py-0.5">
                  {s === "outside" ? t("outside") : tStatus(s)} {n}
                </li>
              ))}
          </ul>
        )}
        <div className="ml-auto flex flex-wrap gap-2">
          {canMark && (
            <>
              <MarkButton kind="success" enabled={enabled.success} describedBy={future ? "future-refusal" : undefined} onMark={onMark} className="bg-blue-800">
                {t("markSuccess")}
              </MarkButton>
              <MarkButton kind="failed" enabled={enabled.failed} describedBy={future ? "future-refusal" : undefined} onMark={onMark} className="bg-orange-800">
                {t("markFailed")}
              </MarkButton>
              <MarkButton kind="clear" enabled={enabled.clear} onMark={onMark} className="bg-red-800">
                {t("clear")}
              </MarkButton>
            </>
          )}
          <button
            type="button"
            disabled={size === 0}
            onClick={() => onSelect([])}
            className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50"
          >
            {t("clearSelection")}
          </button>
        </div>
      </div>
      {canMark && !readOnlyReason && future && today && (
        <div className="flex flex-wrap items-center gap-3 rounded border border-amber-700 bg-amber-50 p-2 text-sm" role="note">
          <p id="future-refusal">
            <span className="font-semibold">{t("futureRefused")}</span> {futureText(future, today)}
          </p>
          <button type="button" onClick={() => onSelect(rangesUpTo(selection, today.key, g))} className="rounded border border-slate-500 bg-white px-2 py-1">
            {t("keepUpTo", { today: today.key })}
          </button>
        </div>
      )}
      {canMark && readOnlyReason && (
        <p className="text-sm text-slate-700" role="note">
          {t("disabled", { reason: readOnlyReason })}
        </p>
      )}
      {!canMark && (
        <p className="text-sm text-slate-700" role="note">
          {t("roleCannotMark")}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <form
          className="flex max-w-full items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseRangeInput(text, g);
            if (!parsed.ok) {
              // Never leave an earlier selection standing silently behind a typing error: it is cleared, and said so.
              const error = rangeProblemText(parsed.problem);
              setInputError(size > 0 ? t("inputCleared", { error }) : error);
              return onSelect([]);
            }
            setInputError(null);
            onSelect(parsed.ranges);
          }}
        >
          <label className="flex min-w-0 flex-col">
            <span className="font-medium">{t("typeRanges")}</span>
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={placeholder}
              aria-invalid={inputError !== null}
              aria-describedby={inputError ? "range-input-error" : undefined}
              className="mt-1 w-80 max-w-full rounded border border-slate-400 px-2 py-1 font-mono text-xs"
            />
          </label>
          <button type="submit" className="shrink-0 whitespace-nowrap rounded border border-slate-400 px-2 py-1">
            {t("select")}
          </button>
        </form>
        <button type="button" onClick={() => onSelectStatusInView("failed")} className="rounded border border-slate-400 px-2 py-1">
          {t("selectFailed", { view: viewLabel })}
        </button>
        <button type="button" onClick={() => onSelectStatusInView("missing")} className="rounded border border-slate-400 px-2 py-1">
          {t("selectMissing", { view: viewLabel })}
        </button>
        {size > 0 && (
          <span className="font-mono text-xs text-slate-600" title={t("inUrl")}>
            {selectionToUrlParam(selection).slice(0, 80)}
            {selectionToUrlParam(selection).length > 80 ? "…" : ""}
          </span>
        )}
      </div>
      {inputError && (
        <p id="range-input-error" role="alert" className="text-sm text-red-800">
          {inputError}
        </p>
      )}
    </section>
  );
}

/** A mark button with its keyboard shortcut shown (the key is not part of its name; aria-keyshortcuts announces it). */
function MarkButton({
  kind,
  enabled,
  describedBy,
  onMark,
  className,
  children,
}: {
  kind: GridMarkKind;
  enabled: boolean;
  describedBy?: string | undefined;
  onMark: (kind: MarkKind) => void;
  className: string;
  children: string;
}) {
  return (
    <button
      type="button"
      disabled={!enabled}
      aria-describedby={describedBy}
      aria-keyshortcuts={MARK_SHORTCUTS[kind]}
      onClick={() => onMark(kind)}
      className={`rounded px-3 py-1.5 text-sm text-white disabled:opacity-50 ${className}`}
    >
      {children}
      <kbd aria-hidden="true" className="ml-2 rounded border border-white/60 px-1 font-mono text-[11px]">
        {MARK_SHORTCUTS[kind]}
      </kbd>
    </button>
  );
}
