import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAdminEvent, type AuditActor } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { tenantRole } from "@/lib/db/schema";
import { isRole, type RequestMeta, type Role } from "@/lib/auth/roles";
import { planRoleChanges, rolesFromClaim, type HeldRole, type RoleChange, type RoleMapping } from "./role-mapping";
import { PROVIDER_ACTOR as PROVIDER_ACTOR_NAME } from "@/lib/audit/actors";

/** Who changes a role at a company sign-in, as the tenant's audit log shows it. */
const PROVIDER_ACTOR: AuditActor = { userId: null, username: PROVIDER_ACTOR_NAME, role: null };

/**
 * Brings the user's provider roles in line with the claim, at every company sign-in: roles whose
 * group is gone are removed, new ones added, roles granted by hand left alone. Each change is
 * audited on its tenant's chain like a change made on the admin page. Returns every role the user
 * holds afterwards (hand and provider).
 */
export async function applyProviderRoles(
  user: { id: string; username: string },
  claim: unknown,
  mapping: RoleMapping,
  meta: RequestMeta,
): Promise<{ changes: RoleChange[]; roles: Record<string, Role> }> {
  const db = await getDb();
  const granted = rolesFromClaim(mapping, claim);
  const { changes, roles } = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ tenantId: tenantRole.tenantId, role: tenantRole.role, source: tenantRole.source })
      .from(tenantRole)
      .where(eq(tenantRole.userId, user.id));
    const held: HeldRole[] = rows.flatMap((r) =>
      isRole(r.role) ? [{ tenantId: r.tenantId, role: r.role, source: r.source === "provider" ? "provider" : "hand" }] : [],
    );
    const planned = planRoleChanges(held, granted);
    for (const c of planned) {
      if (c.kind === "revoke") {
        await tx.delete(tenantRole).where(and(eq(tenantRole.userId, user.id), eq(tenantRole.tenantId, c.tenantId), eq(tenantRole.source, "provider")));
        continue;
      }
      await tx
        .insert(tenantRole)
        .values({ userId: user.id, tenantId: c.tenantId, role: c.role, grantedBy: PROVIDER_ACTOR.username, source: "provider" })
        .onConflictDoUpdate({
          target: [tenantRole.userId, tenantRole.tenantId],
          set: { role: c.role, grantedBy: PROVIDER_ACTOR.username, grantedAt: new Date() },
          // A hand grant made since the read above wins: never overwritten by the claim.
          setWhere: eq(tenantRole.source, "provider"),
        });
    }
    const after: Record<string, Role> = Object.fromEntries(held.map((h) => [h.tenantId, h.role]));
    for (const c of planned) {
      if (c.kind === "revoke") delete after[c.tenantId];
      else after[c.tenantId] = c.role;
    }
    return { changes: planned, roles: after };
  });
  for (const c of changes) {
    const details =
      c.kind === "grant"
        ? { user: user.username, role: c.role, previous: c.previous, source: "provider" }
        : { user: user.username, previous: c.previous, source: "provider" };
    await recordAdminEvent({ action: c.kind === "grant" ? "role.grant" : "role.revoke", tenantId: c.tenantId, actor: PROVIDER_ACTOR, meta, details });
  }
  return { changes, roles };
}
