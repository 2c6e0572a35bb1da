import "server-only";
import { getDb } from "@/lib/db";
import type { Actor, RequestMeta } from "@/lib/auth/roles";
import { appendAuditRow } from "./chain";
import { eventContent } from "./event-content";
import { GLOBAL_CHAIN, type AdminEventAction, type AuditActor, type AuthEventAction } from "./types";

type EventInput = {
  tenantId: string;
  action: string;
  actor: AuditActor;
  meta: RequestMeta | null;
  details?: Record<string, unknown> | undefined;
};

async function appendEvent(e: EventInput): Promise<void> {
  const db = await getDb();
  await appendAuditRow(db, e.tenantId, eventContent(e.action, e.actor, e.details ?? null, e.meta));
}

/**
 * Sign-in, sign-out and second-factor changes, on the global chain (they belong to no tenant).
 * `username` is what was typed for a failed attempt (the account may not exist); never a password.
 * Throws when the write fails, so the caller can refuse to proceed.
 */
export async function recordAuthEvent(event: {
  action: AuthEventAction;
  userId: string | null;
  username: string;
  meta: RequestMeta | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  await appendEvent({
    tenantId: GLOBAL_CHAIN,
    action: event.action,
    actor: { userId: event.userId, username: event.username, role: null },
    meta: event.meta,
    details: event.details,
  });
}

/**
 * User and role management: `role.*` events go to the tenant's chain (its auditors see them),
 * `user.*` events (accounts span tenants) to the global chain.
 */
export async function recordAdminEvent(event: {
  action: AdminEventAction;
  tenantId: string | null;
  actor: AuditActor;
  meta: RequestMeta | null;
  details?: Record<string, unknown>;
}): Promise<void> {
  await appendEvent({ ...event, tenantId: event.tenantId ?? GLOBAL_CHAIN });
}

/** An export of a tenant's audit log is itself recorded on that tenant's chain. */
export async function recordAuditExport(actor: Actor, meta: RequestMeta, details: { format: string; filters: Record<string, unknown> }): Promise<void> {
  await appendEvent({
    tenantId: actor.tenantId,
    action: "audit.export",
    actor: { userId: actor.userId, username: actor.username, role: actor.role },
    meta,
    details,
  });
}
