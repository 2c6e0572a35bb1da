"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { BulkMarkKind } from "@/lib/marks/bulk";
import { sharedGranularity } from "@/lib/marks/bulk";
import { parseRangeInput, rangeProblemMessage, type Granularity, type KeyRange } from "@/lib/partitions";
import type { PlanOverview } from "@/lib/services/plans";

const KINDS: readonly BulkMarkKind[] = ["success", "failed", "clear"];
const BUTTON: Record<BulkMarkKind, string> = { success: "markSuccess", failed: "markFailed", clear: "clear" } as const;

/**
 * The bar over the plans table while plans are selected: the selected plans, whether they share one
 * granularity (a range means the same partitions only then), a typed range, and the three marks.
 */
export function BulkBar({
  selected,
  loading,
  onMark,
  onClear,
}: {
  selected: readonly PlanOverview[];
  loading: boolean;
  onMark: (kind: BulkMarkKind, g: Granularity, ranges: KeyRange[]) => void;
  onClear: () => void;
}) {
  const t = useTranslations("bulk.bar");
  const tSel = useTranslations("plan.selection");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const errorId = useId();
  const shared = sharedGranularity(selected);

  const submit = (kind: BulkMarkKind) => {
    if (!shared.ok) return;
    const parsed = parseRangeInput(text, shared.granularity);
    if (!parsed.ok) {
      const { key, values } = rangeProblemMessage(parsed.problem);
      return setProblem(tSel(`rangeProblem.${key}`, values));
    }
    if (parsed.ranges.length === 0) return setProblem(t("noRange"));
    setProblem(null);
    onMark(kind, shared.granularity, parsed.ranges);
  };

  return (
    <section aria-labelledby={headingId} className="mt-4 space-y-3 rounded border border-blue-800 bg-blue-50 p-3 text-sm" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={headingId} className="font-semibold">
          {t("heading", { count: selected.length })}
        </h2>
        <ul className="flex flex-wrap gap-2" aria-label={t("selectedLabel")}>
          {selected.map((p) => (
            <li key={p.uuid} className="rounded bg-white px-2 py-0.5">
              {p.displayName} <span className="text-slate-700">({p.granularity})</span>
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClear} className="ml-auto rounded border border-slate-500 bg-white px-2 py-1">
          {t("clearSelection")}
        </button>
      </div>
      {!shared.ok ? (
        <p role="alert" className="rounded border border-amber-700 bg-amber-50 p-2">
          {t("mixed", { granularities: shared.why === "mixed" ? shared.granularities.join(", ") : "" })}
        </p>
      ) : (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit("failed");
          }}
        >
          <label className="flex min-w-0 flex-col">
            <span className="font-medium">{t("range", { granularity: shared.granularity })}</span>
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={shared.granularity === "DAY" ? "2023-03-06..2023-03-08" : "2023-01..2023-03"}
              aria-invalid={problem !== null}
              aria-describedby={problem ? errorId : undefined}
              className="mt-1 w-80 max-w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs"
            />
          </label>
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={loading}
              onClick={() => submit(kind)}
              className={`rounded px-3 py-1.5 text-white disabled:opacity-50 ${kind === "success" ? "bg-blue-800" : "bg-red-800"}`}
            >
              {tSel(BUTTON[kind] as "markSuccess" | "markFailed" | "clear")}
            </button>
          ))}
          {loading && (
            <span role="status" className="self-center">
              {t("reading")}
            </span>
          )}
        </form>
      )}
      {problem && (
        <p id={errorId} role="alert" className="text-red-800">
          {problem}
        </p>
      )}
    </section>
  );
}
