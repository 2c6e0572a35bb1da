import { Time } from "@/components/time/time";
import { statusesRead } from "./labels";

/** "between 2026-01-13 10:02 and 2026-01-13 10:07, not through this console" (in the viewer's zone). */
export function ObservedWhen({ interval }: { interval: { from: string; to: string } }) {
  return (
    <div className="text-xs text-slate-700">
      between <Time iso={interval.from} /> and <Time iso={interval.to} />, not through this console
    </div>
  );
}

/** Where and when a mark read its "before" statuses, under the counts. */
export function StatusesRead({ details }: { details: Record<string, unknown> | null }) {
  const read = statusesRead(details);
  return read ? (
    <div className="text-slate-600">
      {read.words} <Time iso={read.readAt} />
    </div>
  ) : null;
}
