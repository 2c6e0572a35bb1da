import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { recordAdminEvent, type AuditActor } from "@/lib/audit";
import { getDb, type Db } from "@/lib/db";
import { session as sessionTable, tenantRole, twoFactor, user as userTable } from "@/lib/db/schema";
import { getAuth } from "./auth";
import type { RoleSource } from "./oidc/role-mapping";
import { isRole, type RequestMeta, type Role } from "./roles";

// User and role management, shared by the users CLI and the admin page. Every change is audited:
// role.* on the tenant's chain, user.* on the global chain.

export class UserAdminError extends Error {
  override name = "UserAdminError";
}

export const USERNAME_PATTERN = /^[a-z0-9_.]{2,64}$/; // Better Auth's username validator's alphabet
export const MIN_PASSWORD_LENGTH = 12;

export type Change = { by: AuditActor; meta: RequestMeta | null };

export function validateUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new UserAdminError("A username is 2–64 of: a–z, 0–9, '.' or '_'.");
  return username;
}

export function validatePassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserAdminError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 256) throw new UserAdminError("A password is at most 256 characters.");
}

export async function findUserByUsername(username: string) {
  const db = await getDb();
  const [u] = await db.select().from(userTable).where(eq(userTable.username, username.trim().toLowerCase()));
  return u;
}

async function requireUser(username: string) {
  const u = await findUserByUsername(username);
  if (!u) throw new UserAdminError(`No user named ${username}.`);
  return u;
}

export async function createUser(
  input: { username: string; name?: string | undefined; password: string },
  change: Change,
): Promise<{ id: string; username: string }> {
  const username = validateUsername(input.username);
  validatePassword(input.password);
  if (await findUserByUsername(username)) throw new UserAdminError(`A user named ${username} already exists.`);
  const ctx = await (await getAuth()).$context;
  const hash = await ctx.password.hash(input.password);
  // Better Auth wants an e-mail address; accounts here have none, so a reserved .invalid one is used.
  const created = await ctx.internalAdapter.createUser(
    { email: `${username}@users.can-console.invalid`, name: input.name?.trim() || username, username, displayUsername: username, emailVerified: false },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({ userId: created.id, providerId: "credential", accountId: created.id, password: hash });
  await recordAdminEvent({ action: "user.create", tenantId: null, actor: change.by, meta: change.meta, details: { user: username } });
  return { id: created.id, username };
}

export async function setPassword(rawUsername: string, password: string, change: Change): Promise<void> {
  validatePassword(password);
  const u = await requireUser(rawUsername);
  const ctx = await (await getAuth()).$context;
  await ctx.internalAdapter.updatePassword(u.id, await ctx.password.hash(password));
  await endSessions(u.id);
  await recordAdminEvent({
    action: "user.password_set",
    tenantId: null,
    actor: change.by,
    meta: change.meta,
    details: { user: u.username, sessionsRevoked: true },
  });
}

/**
 * From the admin page: a change that would leave the tenant with no enabled admin is refused. The
 * check and the write hold one lock per tenant, so two admins demoting each other at once cannot
 * both pass it. The users CLI (the operator's way back in) is not held to it.
 */
export type RoleChangeOptions = { keepAnAdmin?: boolean };

export async function grantRole(
  rawUsername: string,
  tenantId: string,
  role: Role,
  change: Change,
  options: RoleChangeOptions = {},
): Promise<{ previous: Role | null }> {
  // Better Auth's organization plugin accepted an undefined role; here nothing but the four roles passes.
  if (!isRole(role)) throw new UserAdminError(`Unknown role ${String(role)}: viewer, operator, auditor or admin.`);
  const u = await requireUser(rawUsername);
  const db = await getDb();
  const previous = await db.transaction(async (tx) => {
    if (options.keepAnAdmin) await lockTenantAdmins(tx, tenantId);
    const [before] = await tx
      .select({ role: tenantRole.role })
      .from(tenantRole)
      .where(and(eq(tenantRole.userId, u.id), eq(tenantRole.tenantId, tenantId)));
    if (options.keepAnAdmin && before?.role === "admin" && role !== "admin") await requireAnotherAdmin(tx, tenantId, u.id);
    await tx
      .insert(tenantRole)
      .values({ userId: u.id, tenantId, role, grantedBy: change.by.username, source: "hand" })
      // A role set by hand is the admin's from now on: later company sign-ins leave it alone (ADR 0023).
      .onConflictDoUpdate({
        target: [tenantRole.userId, tenantRole.tenantId],
        set: { role, grantedBy: change.by.username, grantedAt: new Date(), source: "hand" },
      });
    return before && isRole(before.role) ? before.role : null;
  });
  await recordAdminEvent({ action: "role.grant", tenantId, actor: change.by, meta: change.meta, details: { user: u.username, role, previous } });
  return { previous };
}

export async function revokeRole(rawUsername: string, tenantId: string, change: Change, options: RoleChangeOptions = {}): Promise<{ previous: Role | null }> {
  const u = await requireUser(rawUsername);
  const db = await getDb();
  const previous = await db.transaction(async (tx) => {
    if (options.keepAnAdmin) await lockTenantAdmins(tx, tenantId);
    const removed = await tx
      .delete(tenantRole)
      .where(and(eq(tenantRole.userId, u.id), eq(tenantRole.tenantId, tenantId)))
      .returning({ role: tenantRole.role });
    const was = removed[0] && isRole(removed[0].role) ? removed[0].role : null;
    if (options.keepAnAdmin && was === "admin") await requireAnotherAdmin(tx, tenantId, u.id);
    return was;
  });
  if (!previous) throw new UserAdminError(`${u.username} holds no role in ${tenantId}.`);
  await recordAdminEvent({ action: "role.revoke", tenantId, actor: change.by, meta: change.meta, details: { user: u.username, previous } });
  return { previous };
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function lockTenantAdmins(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tenant-admins:${tenantId}`}))`);
}

/** Throws (rolling the transaction back) unless an enabled admin other than `userId` remains. */
async function requireAnotherAdmin(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(tenantRole)
    .innerJoin(userTable, eq(userTable.id, tenantRole.userId))
    .where(and(eq(tenantRole.tenantId, tenantId), eq(tenantRole.role, "admin"), ne(tenantRole.userId, userId), eq(userTable.disabled, false)));
  if ((row?.n ?? 0) === 0) throw new UserAdminError(`${tenantId} would be left without an administrator: make someone else admin first.`);
}

export async function setDisabled(rawUsername: string, disabled: boolean, change: Change, options: RoleChangeOptions = {}): Promise<void> {
  const u = await requireUser(rawUsername);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (disabled && options.keepAnAdmin) {
      const adminOf = await tx
        .select({ tenantId: tenantRole.tenantId })
        .from(tenantRole)
        .where(and(eq(tenantRole.userId, u.id), eq(tenantRole.role, "admin")));
      // Locks in one order, so two admins disabling each other cannot deadlock.
      const tenants = adminOf.map((r) => r.tenantId).sort();
      for (const tenantId of tenants) await lockTenantAdmins(tx, tenantId);
      for (const tenantId of tenants) await requireAnotherAdmin(tx, tenantId, u.id);
    }
    await tx.update(userTable).set({ disabled }).where(eq(userTable.id, u.id));
  });
  if (disabled) await endSessions(u.id);
  await recordAdminEvent({
    action: disabled ? "user.disable" : "user.enable",
    tenantId: null,
    actor: change.by,
    meta: change.meta,
    details: { user: u.username },
  });
}

/** Signs the user out everywhere: every session row goes, on every instance at once. */
export async function revokeSessions(rawUsername: string, change: Change): Promise<number> {
  const u = await requireUser(rawUsername);
  const n = await endSessions(u.id);
  await recordAdminEvent({ action: "user.sessions_revoked", tenantId: null, actor: change.by, meta: change.meta, details: { user: u.username, sessions: n } });
  return n;
}

/** For a lost authenticator: the user enrols again at next sign-in (admins must, outside demo mode). */
export async function resetTotp(rawUsername: string, change: Change): Promise<void> {
  const u = await requireUser(rawUsername);
  const db = await getDb();
  await db.delete(twoFactor).where(eq(twoFactor.userId, u.id));
  await db.update(userTable).set({ twoFactorEnabled: false }).where(eq(userTable.id, u.id));
  await endSessions(u.id);
  await recordAdminEvent({ action: "user.totp_reset", tenantId: null, actor: change.by, meta: change.meta, details: { user: u.username } });
}

async function endSessions(userId: string): Promise<number> {
  const db = await getDb();
  const gone = await db.delete(sessionTable).where(eq(sessionTable.userId, userId)).returning({ id: sessionTable.id });
  return gone.length;
}

export type UserListing = {
  id: string;
  username: string;
  name: string;
  disabled: boolean;
  twoFactorEnabled: boolean;
  roles: Record<string, Role>;
  /** Per tenant: granted by hand, or by the identity provider's claim at the last company sign-in. */
  roleSources: Record<string, RoleSource>;
  sessions: number;
};

export async function listUsers(): Promise<UserListing[]> {
  const db = await getDb();
  const users = await db.select().from(userTable).orderBy(asc(userTable.username));
  const roles = await db.select().from(tenantRole);
  const sessions = await db.select({ userId: sessionTable.userId, n: count() }).from(sessionTable).groupBy(sessionTable.userId);
  return users.map((u) => ({
    id: u.id,
    username: u.username ?? u.name,
    name: u.name,
    disabled: u.disabled,
    twoFactorEnabled: u.twoFactorEnabled === true,
    roles: Object.fromEntries(roles.filter((r) => r.userId === u.id && isRole(r.role)).map((r) => [r.tenantId, r.role as Role])),
    roleSources: Object.fromEntries(roles.filter((r) => r.userId === u.id).map((r) => [r.tenantId, r.source === "provider" ? "provider" : "hand"])),
    sessions: sessions.find((s) => s.userId === u.id)?.n ?? 0,
  }));
}
