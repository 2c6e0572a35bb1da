// Shared wording for audit entries (audit page and plan history), client-safe. Mark kinds are
// labelled by their table (lib/marks/kinds.ts).
import { markLabelOf } from "@/lib/marks/kinds";

const OTHER_ACTION_LABELS: Record<string, string> = {
  "partition.observed": "Changed outside the console",
  "role.grant": "Role granted",
  "role.revoke": "Role revoked",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "audit.export": "Audit log exported",
  "user.create": "Account created",
  "user.disable": "Account disabled",
  "user.enable": "Account enabled",
  "user.password_set": "Password set",
  "user.totp_reset": "Two-factor sign-in reset",
  "user.sessions_revoked": "Sessions ended",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "auth.sign_out": "Signed out",
  "auth.totp_enabled": "Two-factor sign-in turned on",
  "auth.totp_disabled": "Two-factor sign-in turned off",
  "auth.backup_code_used": "Backup code used",
};

/** Who, as the tables say it: a machine is named by its API token. */
export const actorLabel = (actor: string, kind: "person" | "machine") => (kind === "machine" ? `${actor} (API token)` : actor);

export const actionLabel = (action: string) => markLabelOf(action) ?? OTHER_ACTION_LABELS[action] ?? action;

export function outcomeLabel(outcome: string | null, pending: boolean): string {
  if (outcome === null) return "—";
  if (pending) return "unknown (pending)";
  return outcome;
}

type Range = { start: string; end: string; status?: string; before?: string; after?: string };

/** "2026-11-01…2026-11-03 success, 2026-11-07", observed ranges as "… missing → success"; at most `max`, then "+N more". */
export function rangesLabel(ranges: readonly Range[] | null, max = 4): string {
  if (!ranges || ranges.length === 0) return "";
  const what = (r: Range) => (r.before && r.after ? ` ${r.before} → ${r.after}` : r.status ? ` ${r.status}` : "");
  const shown = ranges.slice(0, max).map((r) => `${r.start === r.end ? r.start : `${r.start}…${r.end}`}${what(r)}`);
  return ranges.length > max ? `${shown.join(", ")} +${ranges.length - max} more` : shown.join(", ");
}

export const OUTCOME_STYLE: Record<string, string> = {
  ok: "bg-green-100 text-green-900 border-green-400",
  rejected: "bg-red-100 text-red-900 border-red-400",
  error: "bg-orange-100 text-orange-950 border-orange-400",
  unknown: "bg-amber-100 text-amber-950 border-amber-500",
};

/** Where a mark counted its "before" statuses (an intent row's details.statusesRead) and when, or null. */
export function statusesRead(details: Record<string, unknown> | null): { words: string; readAt: string } | null {
  const read = details?.statusesRead;
  if (typeof read !== "object" || read === null) return null;
  const { from, readAt } = read as { from?: unknown; readAt?: unknown };
  if (typeof readAt !== "string") return null;
  if (from === "page listing") return { words: "as shown on the page, read from CAN at", readAt };
  if (from === "fresh read") return { words: "read from CAN for this mark at", readAt };
  return null;
}

/** What an observed change did to a partition, in words ("became materialized"). */
const BECAME: Record<string, string> = {
  success: "became materialized",
  failed: "was marked failed",
  cleared: "was cleared",
  missing: "stopped being listed (cleared or marked failed)",
  unknown: "got a status this console does not recognise",
};

export const becameLabel = (after: string) => BECAME[after] ?? `became ${after}`;

/** The interval of an observed event (its `details.interval`), or null for other rows. */
export function observedInterval(details: Record<string, unknown> | null): { from: string; to: string } | null {
  const interval = details?.interval;
  if (typeof interval !== "object" || interval === null) return null;
  const { from, to } = interval as { from?: unknown; to?: unknown };
  return typeof from === "string" && typeof to === "string" ? { from, to } : null;
}
