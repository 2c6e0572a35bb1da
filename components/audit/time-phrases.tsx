import { useTranslations } from "next-intl";
import { Time } from "@/components/time/time";
import { useAuditWords } from "./labels";

/** "between 2026-01-13 10:02 and 2026-01-13 10:07, not through this console" (in the viewer's zone). */
export function ObservedWhen({ interval }: { interval: { from: string; to: string } }) {
  const t = useTranslations("auditWords");
  return (
    <div className="text-xs text-slate-700">
      {t.rich("observedBetween", { from: () => <Time iso={interval.from} />, to: () => <Time iso={interval.to} /> })}
    </div>
  );
}

/** Where and when a mark read its "before" statuses, under the counts. */
export function StatusesRead({ details }: { details: Record<string, unknown> | null }) {
  const read = useAuditWords().statusesRead(details);
  return read ? (
    <div className="text-slate-600">
      {read.words} <Time iso={read.readAt} />
    </div>
  ) : null;
}
