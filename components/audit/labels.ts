// Shared wording for audit entries (audit page and plan history), client-safe. Mark kinds are
// labelled by their table (lib/marks/kinds.ts).
import { markLabelOf } from "@/lib/marks/kinds";

const OTHER_ACTION_LABELS: Record<string, string> = {
  "role.grant": "Role granted",
  "role.revoke": "Role revoked",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "audit.export": "Audit log exported",
};

/** Who, as the tables say it: a machine is named by its API token. */
export const actorLabel = (actor: string, kind: "person" | "machine") => (kind === "machine" ? `${actor} (API token)` : actor);

export const actionLabel = (action: string) => markLabelOf(action) ?? OTHER_ACTION_LABELS[action] ?? action;

/** An ISO timestamp as the tables show it: `YYYY-MM-DD HH:MM:SS`, in UTC like the stored value. */
export const utcTimeLabel = (at: string) => at.replace("T", " ").slice(0, 19);

export function outcomeLabel(outcome: string | null, pending: boolean): string {
  if (outcome === null) return "—";
  if (pending) return "unknown (pending)";
  return outcome;
}

type Range = { start: string; end: string; status?: string };

/** "2026-11-01…2026-11-03 success, 2026-11-07" — at most `max` ranges, then "+N more". */
export function rangesLabel(ranges: readonly Range[] | null, max = 4): string {
  if (!ranges || ranges.length === 0) return "";
  const shown = ranges.slice(0, max).map((r) => `${r.start === r.end ? r.start : `${r.start}…${r.end}`}${r.status ? ` ${r.status}` : ""}`);
  return ranges.length > max ? `${shown.join(", ")} +${ranges.length - max} more` : shown.join(", ");
}

export const OUTCOME_STYLE: Record<string, string> = {
  ok: "bg-green-100 text-green-900 border-green-400",
  rejected: "bg-red-100 text-red-900 border-red-400",
  error: "bg-orange-100 text-orange-950 border-orange-400",
  unknown: "bg-amber-100 text-amber-950 border-amber-500",
};

/** Where a mark counted its "before" statuses (an intent row's details.statusesRead), or null. */
export function statusesReadLabel(details: Record<string, unknown> | null): string | null {
  const read = details?.statusesRead;
  if (typeof read !== "object" || read === null) return null;
  const { from, readAt } = read as { from?: unknown; readAt?: unknown };
  if (typeof readAt !== "string") return null;
  if (from === "page listing") return `as shown on the page, read from CAN at ${utcTimeLabel(readAt)}`;
  if (from === "fresh read") return `read from CAN for this mark at ${utcTimeLabel(readAt)}`;
  return null;
}
