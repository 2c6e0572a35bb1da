import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { MarkEffect } from "@/lib/marks/effect";

/** The dialog's account of a mark: what changes, and apart, what is already in the target status. */
export function MarkEffectSummary({ effect }: { effect: MarkEffect }) {
  const t = useTranslations("plan.effect");
  const tStatus = useTranslations("status");
  const target = tStatus(`lower.${effect.target}`);
  const strong = (chunks: ReactNode) => <span className="tabular-nums font-semibold">{chunks}</span>;
  if (effect.changingTotal === 0) {
    return (
      <p role="status" className="rounded border border-slate-500 bg-slate-100 p-2 text-sm" data-testid="mark-no-op">
        {t.rich("nothing", { count: effect.unchanged, target, b: (chunks) => <span className="font-semibold">{chunks}</span> })}
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="mark-effect">
      <div>
        <h3 className="text-sm font-semibold">{t("changes", { count: effect.changingTotal, target })}</h3>
        <ul className="mt-1 flex flex-wrap gap-3 text-sm" aria-label={t("changingLabel")}>
          {effect.changing.map(({ from, count }) => (
            <li key={from} className="rounded bg-slate-100 px-2 py-0.5">
              {t.rich("from", { from: from === "outside" ? t("outside") : tStatus(`label.${from}`), count, target, n: strong })}
            </li>
          ))}
        </ul>
      </div>
      {effect.unchanged > 0 && (
        <p className="text-sm text-slate-700" data-testid="mark-unchanged">
          {t.rich("unchanged", { target, count: effect.unchanged, n: strong })}
        </p>
      )}
    </div>
  );
}
