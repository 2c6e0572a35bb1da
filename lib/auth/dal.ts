import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { tenantIdParam } from "@/lib/schemas/plans";
import { allTenants, getTenant, toTenantSummary, type Tenant, type TenantSummary } from "@/lib/tenants";
import { claimedIpFrom, clientIpFrom } from "./client-ip";
import { returnPathFor } from "./return-path";
import { hasPermission, type Actor, type Permission, type RequestMeta, type SessionUser } from "./roles";
import { resolveSession, type ResolvedSession } from "./session";

// The one data-access layer: every page, route handler and server action asks here who is signed
// in and what they may do in a tenant. Unknown tenants and tenants the user holds no role in answer
// alike (NOT_FOUND / 404), so a URL reveals nothing about what exists. proxy.ts is convenience only.

export type { Actor, Permission, RequestMeta, Role, SessionUser } from "./roles";
export { hasPermission } from "./roles";

/** Set by proxy.ts: the path being requested, so a signed-out visitor returns to it after sign-in. */
export const PATH_HEADER = "x-console-path";

/** Memoised per request (server components); route handlers and actions resolve once per call. */
export const getCurrentSession = cache(async (): Promise<ResolvedSession | null> => {
  return resolveSession(new Headers(await headers()));
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

export async function getRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const ua = h.get("user-agent");
  const trusted = getEnv().TRUST_PROXY_HEADER;
  return { ip: clientIpFrom(h, trusted), claimedIp: claimedIpFrom(h, trusted), userAgent: ua ? ua.slice(0, 512) : null, requestId: randomUUID() };
}

function tenantFor(tenantId: string): Tenant | undefined {
  const id = tenantIdParam.safeParse(tenantId);
  return id.success ? getTenant(id.data) : undefined;
}

/** For server actions and route handlers: never throws for expected outcomes. Unknown tenant and no-role-in-tenant both give NOT_FOUND. */
export async function authorizeTenant(
  tenantId: string,
  permission: Permission,
): Promise<{ ok: true; actor: Actor; tenant: Tenant; user: SessionUser } | { ok: false; code: "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" }> {
  const s = await getCurrentSession();
  if (!s) return { ok: false, code: "UNAUTHENTICATED" };
  const tenant = tenantFor(tenantId);
  const role = tenant ? s.user.roles[tenant.id] : undefined;
  if (!tenant || !role) return { ok: false, code: "NOT_FOUND" };
  if (s.mustEnrollTotp || !hasPermission(role, permission)) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, actor: { userId: s.user.id, username: s.user.username, tenantId: tenant.id, role }, tenant, user: s.user };
}

/** Where to come back to after signing in: only a path on PUBLIC_URL's origin (lib/auth/return-path.ts). */
export function safeReturnPath(raw: string | null | undefined): string {
  return returnPathFor(raw, getEnv().PUBLIC_URL);
}

export async function loginRedirectPath(): Promise<string> {
  const back = safeReturnPath((await headers()).get(PATH_HEADER));
  return back === "/" ? "/login" : `/login?next=${encodeURIComponent(back)}`;
}

/** For pages that need a signed-in user but no tenant (home, settings, admin). */
export async function requireSignedIn(): Promise<ResolvedSession> {
  const s = await getCurrentSession();
  if (!s) redirect(await loginRedirectPath());
  return s;
}

/** For server components/pages: redirects to /login (with a return path) when signed out, notFound() when no access, returns otherwise. */
export async function requirePageAccess(tenantId: string, permission: Permission): Promise<{ actor: Actor; tenant: Tenant; user: SessionUser }> {
  const access = await authorizeTenant(tenantId, permission);
  if (access.ok) return { actor: access.actor, tenant: access.tenant, user: access.user };
  if (access.code === "UNAUTHENTICATED") redirect(await loginRedirectPath());
  if ((await getCurrentSession())?.mustEnrollTotp) redirect("/settings?enroll=required");
  // A role in the tenant that lacks the permission is told so (403); no role at all stays a 404 like
  // a tenant that does not exist, so nothing leaks about other tenants.
  if (access.code === "FORBIDDEN") forbidden();
  notFound();
}

/**
 * The tenant the requested path is in (`/t/{id}/…`), only when the user holds a role there: the
 * 403 and 404 pages offer a way back into it and select it in the header, and reveal nothing else.
 */
export async function tenantOfRequestedPath(user: SessionUser): Promise<TenantSummary | undefined> {
  const match = /^\/t\/([^/?#]+)/.exec((await headers()).get(PATH_HEADER) ?? "");
  const tenant = match?.[1] ? tenantFor(match[1]) : undefined;
  return tenant && user.roles[tenant.id] !== undefined ? toTenantSummary(tenant) : undefined;
}

export async function visibleTenantsFor(user: SessionUser): Promise<TenantSummary[]> {
  return allTenants()
    .filter((t) => user.roles[t.id] !== undefined)
    .map(toTenantSummary);
}

/** Tenants where the user holds a role that grants `permission`. */
export function tenantsWithPermission(user: SessionUser, permission: Permission): TenantSummary[] {
  return allTenants()
    .filter((t) => {
      const role = user.roles[t.id];
      return role !== undefined && hasPermission(role, permission);
    })
    .map(toTenantSummary);
}
