import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { session as sessionTable, tenantRole } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { isDemoMode } from "@/lib/tenants";
import { getAuth } from "./auth";
import { isRole, type Role, type SessionUser } from "./roles";

export type ResolvedSession = {
  user: SessionUser;
  sessionId: string;
  twoFactorEnabled: boolean;
  /** An admin outside demo mode without TOTP: may only reach the security settings. */
  mustEnrollTotp: boolean;
};

/** Last-activity writes are throttled: at most one per session per minute. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The session behind the request's cookie, or null. Better Auth checks the signed cookie and the
 * absolute expiry; here the idle timeout, the disabled flag and the roles are applied. Everything
 * is read from the database on each request, so sign-out, revocation, role changes and disabling
 * take effect at once on every instance.
 */
export async function resolveSession(requestHeaders: Headers): Promise<ResolvedSession | null> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: requestHeaders, query: { disableRefresh: true } });
  if (!found) return null;
  const db = await getDb();
  const [row] = await db.select({ lastActiveAt: sessionTable.lastActiveAt }).from(sessionTable).where(eq(sessionTable.id, found.session.id));
  if (!row) return null;
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const now = Date.now();
  if (found.user.disabled || now - row.lastActiveAt.getTime() > idleMs) {
    await db.delete(sessionTable).where(eq(sessionTable.id, found.session.id));
    return null;
  }
  if (now - row.lastActiveAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessionTable).set({ lastActiveAt: sql`now()` }).where(eq(sessionTable.id, found.session.id));
  }
  const roles = await rolesOf(found.user.id);
  const twoFactorEnabled = found.user.twoFactorEnabled === true;
  return {
    user: { id: found.user.id, username: found.user.username ?? found.user.name, name: found.user.name, roles },
    sessionId: found.session.id,
    twoFactorEnabled,
    mustEnrollTotp: !twoFactorEnabled && !isDemoMode() && Object.values(roles).includes("admin"),
  };
}

export async function rolesOf(userId: string): Promise<Record<string, Role>> {
  const db = await getDb();
  const rows = await db.select({ tenantId: tenantRole.tenantId, role: tenantRole.role }).from(tenantRole).where(eq(tenantRole.userId, userId));
  const roles: Record<string, Role> = {};
  for (const r of rows) if (isRole(r.role)) roles[r.tenantId] = r.role;
  return roles;
}
