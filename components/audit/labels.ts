// Shared wording for audit entries (audit page and plan history), in the page's language. The
// audit action names themselves (`role.grant`, `partition.mark_success`) stay English: they are
// what exports, the CLI and scripts read (ADR 0024). Mark kinds are worded under `marks.<kind>`.
import { useTranslations } from "next-intl";
import { OUTSIDE_ACTOR, PROVIDER_ACTOR } from "@/lib/audit/actors";
import { markKindOfAction } from "@/lib/marks/kinds";

type Range = { start: string; end: string; status?: string; before?: string; after?: string };

export const OUTCOME_STYLE: Record<string, string> = {
  ok: "bg-green-100 text-green-900 border-green-400",
  rejected: "bg-red-100 text-red-900 border-red-400",
  error: "bg-orange-100 text-orange-950 border-orange-400",
  unknown: "bg-amber-100 text-amber-950 border-amber-500",
};

/** A message key built from data (an action, an outcome): typed keys cannot list them, `has` checks them. */
type AnyKey = Parameters<ReturnType<typeof useTranslations<"auditWords">>>[0];

export function useAuditWords() {
  const t = useTranslations("auditWords");
  const tKind = useTranslations("marks");
  const known = (key: string): key is AnyKey => t.has(key as AnyKey);
  // A status as the audit rows record it: English keeps the recorded word ("missing"), which is what
  // the export and the CLI show too; Chinese says it in words.
  const status = (s: string) => (known(`rangeStatus.${s}`) ? t(`rangeStatus.${s}` as AnyKey) : s);
  return {
    /** A recorded partition status as a word ("missing", "未物化"); one the console does not know is shown as sent. */
    status,
    /** "Role granted", "Marked success"; an action this console does not word is shown by its name. */
    action(action: string): string {
      const kind = markKindOfAction(action);
      if (kind) return tKind(`${kind}.label`);
      const key = `actions.${action}`;
      return known(key) ? t(key) : action;
    },
    /** Who, as the tables say it: a machine is named by its API token; changes seen in CAN by the console's own words. */
    actor: (actor: string, kind: "person" | "machine") =>
      kind === "machine" ? t("machine", { actor }) : actor === OUTSIDE_ACTOR ? t("outsideActor") : actor === PROVIDER_ACTOR ? t("providerActor") : actor,
    outcome(outcome: string | null, pending: boolean): string {
      if (outcome === null) return "—";
      if (pending) return t("outcomes.pending");
      const key = `outcomes.${outcome}`;
      return known(key) ? t(key) : outcome;
    },
    /** "2026-11-01…2026-11-03 success, 2026-11-07", observed ranges as "… missing → success"; at most `max`, then "+N more". Keys stay ISO. */
    ranges(ranges: readonly Range[] | null, max = 4): string {
      if (!ranges || ranges.length === 0) return "";
      const what = (r: Range) => (r.before && r.after ? ` ${status(r.before)} → ${status(r.after)}` : r.status ? ` ${status(r.status)}` : "");
      const shown = ranges.slice(0, max).map((r) => `${r.start === r.end ? r.start : `${r.start}…${r.end}`}${what(r)}`);
      return ranges.length > max ? t("moreRanges", { shown: shown.join(", "), more: ranges.length - max }) : shown.join(", ");
    },
    /** What an observed change did to a partition ("became materialized"). */
    became(after: string): string {
      const key = `became.${after}`;
      return known(key) ? t(key) : t("becameOther", { status: after });
    },
    /** Where a mark counted its "before" statuses (an intent row's details.statusesRead), or null. */
    statusesRead(details: Record<string, unknown> | null): { words: string; readAt: string } | null {
      const read = details?.statusesRead;
      if (typeof read !== "object" || read === null) return null;
      const { from, readAt } = read as { from?: unknown; readAt?: unknown };
      if (typeof readAt !== "string") return null;
      if (from === "page listing") return { words: t("readFromPage"), readAt };
      if (from === "fresh read") return { words: t("readFresh"), readAt };
      return null;
    },
  };
}

/** The interval of an observed event (its `details.interval`), or null for other rows. */
export function observedInterval(details: Record<string, unknown> | null): { from: string; to: string } | null {
  const interval = details?.interval;
  if (typeof interval !== "object" || interval === null) return null;
  const { from, to } = interval as { from?: unknown; to?: unknown };
  return typeof from === "string" && typeof to === "string" ? { from, to } : null;
}
