import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { preparedPerDb } from "@/lib/db/prepared";
import { account, session as sessionTable, tenantRole, user as userTable } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/i18n/locales";
import { isDemoMode } from "@/lib/tenants";
import { getAuth } from "./auth";
import { isRole, type Role, type SessionUser } from "./roles";
import { readCookie, verifySignedToken } from "./session-cookie";

export type ResolvedSession = {
  user: SessionUser;
  sessionId: string;
  twoFactorEnabled: boolean;
  /** An admin outside demo mode without TOTP: may only reach the security settings. */
  mustEnrollTotp: boolean;
  /** The console language the user chose (it follows them to any browser), or null: never chosen. */
  locale: Locale | null;
};

/** Last-activity writes are throttled: at most one per session per minute. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The session behind the request's cookie, or null. The cookie's signature is checked against
 * Better Auth's secret; then ONE query reads the session, its user and the user's roles, with the
 * database's clock. Nothing is kept in process memory, so sign-out, revocation, role changes and
 * disabling take effect on the next request on every instance. Expired, idle and disabled sessions
 * are deleted; activity is written at most once a minute.
 */
export async function resolveSession(requestHeaders: Headers): Promise<ResolvedSession | null> {
  const ctx = await (await getAuth()).$context;
  const signed = readCookie(requestHeaders.get("cookie"), ctx.authCookies.sessionToken.name);
  const token = signed ? verifySignedToken(signed, ctx.secret) : null;
  if (!token) return null;

  const db = await getDb();
  const rows = await sessionQuery(db).execute({ token });
  const row = rows[0];
  if (!row) return null;

  const now = row.now.getTime();
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (row.disabled || row.expiresAt.getTime() <= now || now - row.lastActiveAt.getTime() > idleMs) {
    await db.delete(sessionTable).where(eq(sessionTable.id, row.sessionId));
    return null;
  }
  if (now - row.lastActiveAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessionTable)
      .set({ lastActiveAt: sql`now()` })
      .where(eq(sessionTable.id, row.sessionId));
  }
  const roles = toRoles(rows.flatMap((r) => (r.tenantId !== null && r.role !== null ? [[r.tenantId, r.role] as const] : [])));
  const twoFactorEnabled = row.twoFactorEnabled === true;
  const adminWithoutTotp = !twoFactorEnabled && !isDemoMode() && Object.values(roles).includes("admin");
  return {
    user: { id: row.userId, username: row.username ?? row.name, name: row.name, roles },
    sessionId: row.sessionId,
    twoFactorEnabled,
    // Only password accounts enrol here: a company user's second factor is the identity provider's
    // (ADR 0023), and enrolment asks for a password they do not have.
    mustEnrollTotp: adminWithoutTotp && (await hasPassword(db, row.userId)),
    locale: isLocale(row.locale) ? row.locale : null,
  };
}

/** Asked only for an admin without TOTP outside demo mode, so the common request pays nothing. */
async function hasPassword(db: Db, userId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")))
    .limit(1);
  return found !== undefined;
}

/** Session ⋈ user ⟕ roles by token: one row per role (one with null role when there is none). */
export function sessionSelect(db: Pick<Db, "select">) {
  return db
    .select({
      sessionId: sessionTable.id,
      expiresAt: sessionTable.expiresAt,
      lastActiveAt: sessionTable.lastActiveAt,
      userId: userTable.id,
      name: userTable.name,
      username: userTable.username,
      disabled: userTable.disabled,
      twoFactorEnabled: userTable.twoFactorEnabled,
      locale: userTable.locale,
      tenantId: tenantRole.tenantId,
      role: tenantRole.role,
      // One clock for every instance: the database's.
      now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(sessionTable)
    .innerJoin(userTable, eq(userTable.id, sessionTable.userId))
    .leftJoin(tenantRole, eq(tenantRole.userId, userTable.id))
    .where(eq(sessionTable.token, sql.placeholder("token")));
}

/**
 * Prepared once per database, so a request pays for the query only, not for building its SQL; and a
 * named statement on both drivers, so Postgres parses and plans it once per connection (ADR 0031).
 */
export const sessionQuery = preparedPerDb((db) => sessionSelect(db).prepare("resolve_session"));

function toRoles(pairs: readonly (readonly [string, string])[]): Record<string, Role> {
  const roles: Record<string, Role> = {};
  for (const [tenantId, role] of pairs) if (isRole(role)) roles[tenantId] = role;
  return roles;
}

export async function rolesOf(userId: string): Promise<Record<string, Role>> {
  const db = await getDb();
  const rows = await db.select({ tenantId: tenantRole.tenantId, role: tenantRole.role }).from(tenantRole).where(eq(tenantRole.userId, userId));
  return toRoles(rows.map((r) => [r.tenantId, r.role] as const));
}
