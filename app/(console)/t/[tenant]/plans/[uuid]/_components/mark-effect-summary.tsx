import { OUTSIDE_LOOK, STATUS_LOOK } from "@/components/calendar/status-style";
import type { MarkEffect, StatusBefore } from "@/lib/marks/effect";

const labelOf = (s: StatusBefore) => (s === "outside" ? OUTSIDE_LOOK.label : STATUS_LOOK[s].label);
const partitions = (n: number) => `${n} partition${n === 1 ? "" : "s"}`;

/** The dialog's account of a mark: what changes, and apart, what is already in the target status. */
export function MarkEffectSummary({ effect }: { effect: MarkEffect }) {
  const target = STATUS_LOOK[effect.target].label.toLowerCase();
  if (effect.changingTotal === 0) {
    return (
      <p role="status" className="rounded border border-slate-500 bg-slate-100 p-2 text-sm" data-testid="mark-no-op">
        <span className="font-semibold">Nothing changes:</span> all {partitions(effect.unchanged)} are already {target}. Sending it only repeats their status to
        CAN.
      </p>
    );
  }
  return (
    <div className="space-y-2" data-testid="mark-effect">
      <div>
        <h3 className="text-sm font-semibold">
          Changes: {partitions(effect.changingTotal)} {effect.changingTotal === 1 ? "becomes" : "become"} {target}
        </h3>
        <ul className="mt-1 flex flex-wrap gap-3 text-sm" aria-label="Partitions that change">
          {effect.changing.map(({ from, count }) => (
            <li key={from} className="rounded bg-slate-100 px-2 py-0.5">
              {labelOf(from)}: <span className="tabular-nums font-semibold">{count}</span> → {target}
            </li>
          ))}
        </ul>
      </div>
      {effect.unchanged > 0 && (
        <p className="text-sm text-slate-700" data-testid="mark-unchanged">
          Already {target}, unchanged: <span className="tabular-nums font-semibold">{effect.unchanged}</span>
        </p>
      )}
    </div>
  );
}
