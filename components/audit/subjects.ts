import { useTranslations } from "next-intl";
import { isRole } from "@/lib/auth/roles";

// What an audit event was about, in words, from its details: the audit table shows it under the
// action so nobody has to open the JSON. One entry per event the console writes (lib/auth/users.ts,
// lib/auth/api-tokens.ts, lib/auth/sign-in.ts, lib/audit/events.ts); marks and observed changes say
// theirs in the Plan and Partitions columns. User names, token names and dates are shown as stored.
type Details = Record<string, unknown>;
type T = ReturnType<typeof useTranslations<"auditSubjects">>;
type Role = (role: string) => string;

const text = (d: Details, key: string): string | undefined => {
  const v = d[key];
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
};

/**
 * A recorded code (a sign-in method or refusal reason): English shows it as recorded, as the export
 * and the CLI do; another language words the ones it knows, and shows a code it does not as stored.
 */
function recorded(t: T, group: "methods" | "reasons", code: string): string {
  const key = `${group}.${code}` as Parameters<T>[0];
  return t.has(key) ? t(key) : code;
}

const SUBJECTS: Record<string, (d: Details, t: T, role: Role) => string | undefined> = {
  "role.grant": (d, t, role) => {
    const [user, granted, previous] = [text(d, "user"), text(d, "role"), text(d, "previous")];
    if (!user || !granted) return undefined;
    return previous ? t("roleChanged", { user, previous: role(previous), role: role(granted) }) : t("roleGranted", { user, role: role(granted) });
  },
  "role.revoke": (d, t, role) => {
    const [user, previous] = [text(d, "user"), text(d, "previous")];
    return user ? t("roleRevoked", { user, role: previous ? role(previous) : t("role") }) : undefined;
  },
  "token.create": (d, t, role) => {
    const name = text(d, "name");
    if (!name) return undefined;
    const expires = text(d, "expiresAt");
    const granted = text(d, "role");
    return t("tokenCreated", {
      name,
      role: granted ? role(granted) : "",
      hasRole: String(granted !== undefined),
      expires: expires ? expires.slice(0, 10) : "__none",
    });
  },
  "token.revoke": (d, t) => (text(d, "name") ? t("quoted", { name: text(d, "name") ?? "" }) : undefined),
  "audit.export": (d, t) => {
    const format = text(d, "format")?.toUpperCase();
    const filters = typeof d.filters === "object" && d.filters !== null ? Object.entries(d.filters as Details) : [];
    // Filter names are the export's own (machine-facing) parameter names.
    const shown = filters.filter(([, v]) => typeof v === "string" && v !== "").map(([k, v]) => `${k} ${String(v)}`);
    return format ? t("exported", { format, filters: shown.length > 0 ? shown.join(", ") : t("allRows") }) : undefined;
  },
  "user.create": (d) => text(d, "user"),
  "user.disable": (d) => text(d, "user"),
  "user.enable": (d) => text(d, "user"),
  "user.password_set": (d) => text(d, "user"),
  "user.totp_reset": (d) => text(d, "user"),
  "user.sessions_revoked": (d, t) => {
    const user = text(d, "user");
    const sessions = text(d, "sessions");
    return user ? (sessions ? t("sessions", { user, count: Number(sessions) }) : t("allSessions", { user })) : undefined;
  },
  "auth.sign_in": (d, t) => {
    const method = text(d, "method");
    return method ? t("with", { method: recorded(t, "methods", method) }) : undefined;
  },
  "auth.sign_in_failed": (d, t) => {
    const reason = text(d, "reason");
    return reason ? recorded(t, "reasons", reason) : undefined;
  },
};

/** "admin to dora", "ed: viewer → operator", "“nightly” as operator, never expires"…; null when the row has nothing to add. */
export function useEventSubject(): (action: string, details: Details | null) => string | null {
  const t = useTranslations("auditSubjects");
  const tRole = useTranslations("roles");
  const role: Role = (r) => (isRole(r) ? tRole(r) : r);
  return (action, details) => (details ? SUBJECTS[action]?.(details, t, role) : undefined) ?? null;
}
