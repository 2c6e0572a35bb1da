// What an audit event was about, in words, from its details (client-safe): the audit table shows
// it under the action so nobody has to open the JSON. One entry per event the console writes
// (lib/auth/users.ts, lib/auth/api-tokens.ts, lib/auth/sign-in.ts, lib/audit/events.ts); marks and
// observed changes say theirs in the Plan and Partitions columns.
type Details = Record<string, unknown>;

const text = (d: Details, key: string): string | undefined => {
  const v = d[key];
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
};

const SUBJECTS: Record<string, (d: Details) => string | undefined> = {
  "role.grant": (d) => {
    const [user, role, previous] = [text(d, "user"), text(d, "role"), text(d, "previous")];
    if (!user || !role) return undefined;
    return previous ? `${user}: ${previous} → ${role}` : `${role} to ${user}`;
  },
  "role.revoke": (d) => {
    const [user, previous] = [text(d, "user"), text(d, "previous")];
    return user ? `${previous ?? "role"} from ${user}` : undefined;
  },
  "token.create": (d) => {
    const name = text(d, "name");
    if (!name) return undefined;
    const expires = text(d, "expiresAt");
    return `“${name}”${text(d, "role") ? ` as ${text(d, "role")}` : ""}, ${expires ? `expires ${expires.slice(0, 10)}` : "never expires"}`;
  },
  "token.revoke": (d) => (text(d, "name") ? `“${text(d, "name")}”` : undefined),
  "audit.export": (d) => {
    const format = text(d, "format")?.toUpperCase();
    const filters = typeof d.filters === "object" && d.filters !== null ? Object.entries(d.filters as Details) : [];
    const shown = filters.filter(([, v]) => typeof v === "string" && v !== "").map(([k, v]) => `${k} ${String(v)}`);
    return format ? `${format}, ${shown.length > 0 ? shown.join(", ") : "all rows"}` : undefined;
  },
  "user.create": (d) => text(d, "user"),
  "user.disable": (d) => text(d, "user"),
  "user.enable": (d) => text(d, "user"),
  "user.password_set": (d) => text(d, "user"),
  "user.totp_reset": (d) => text(d, "user"),
  "user.sessions_revoked": (d) => (text(d, "user") ? `${text(d, "user")}, ${text(d, "sessions") ?? "all"} session(s)` : undefined),
  "auth.sign_in": (d) => (text(d, "method") ? `with ${text(d, "method")}` : undefined),
  "auth.sign_in_failed": (d) => text(d, "reason"),
};

/** "admin to dora", "ed: viewer → operator", "“nightly” as operator, never expires"…; null when the row has nothing to add. */
export function eventSubject(action: string, details: Details | null): string | null {
  const subject = details ? SUBJECTS[action]?.(details) : undefined;
  return subject ?? null;
}
