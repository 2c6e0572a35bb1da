import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";

// Roles from the identity provider (docs/decisions/0023-company-sign-in.md): pure, no I/O, so the
// rules are unit-tested exhaustively and the database step only carries out the plan made here.

/** Where a tenant role came from: granted by hand (admin page, users CLI) or by the provider's claim. */
export const ROLE_SOURCES = ["hand", "provider"] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

const tenantId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "a tenant id (letters, digits, '_' or '-')");

/** The roles file: `{ "can-acme-operators": { "acme": "operator" } }`, claim value → tenant → role. */
export const roleMappingSchema = z.record(z.string().min(1).max(256), z.record(tenantId, z.enum(ROLES)));
export type RoleMapping = z.infer<typeof roleMappingSchema>;

/**
 * When two claim values give one tenant different roles, the one granting more wins; operator and
 * auditor grant different things, and operator (which can change data) is ranked above auditor.
 */
const PRECEDENCE: Record<Role, number> = { viewer: 1, auditor: 2, operator: 3, admin: 4 };

/** A claim as providers send it: one string, a list of strings, or absent. Anything else counts as none. */
export function claimValues(claim: unknown): string[] {
  if (typeof claim === "string") return [claim];
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === "string");
  return [];
}

/** The tenant roles a user's claim values grant under the mapping. */
export function rolesFromClaim(mapping: RoleMapping, claim: unknown): Record<string, Role> {
  const granted: Record<string, Role> = {};
  for (const value of new Set(claimValues(claim))) {
    // Own keys only: a claim value such as "__proto__" or "constructor" must not reach Object.prototype.
    const tenants = Object.hasOwn(mapping, value) ? mapping[value] : undefined;
    for (const [tenant, role] of Object.entries(tenants ?? {})) {
      const held = granted[tenant];
      if (held === undefined || PRECEDENCE[role] > PRECEDENCE[held]) granted[tenant] = role;
    }
  }
  return granted;
}

export type HeldRole = { tenantId: string; role: Role; source: RoleSource };
export type RoleChange = { kind: "grant"; tenantId: string; role: Role; previous: Role | null } | { kind: "revoke"; tenantId: string; previous: Role };

/**
 * What one sign-in changes: provider roles follow the claim exactly (added, changed, removed), and
 * a role granted by hand is never touched, not even where the claim names the same tenant.
 */
export function planRoleChanges(held: readonly HeldRole[], granted: Readonly<Record<string, Role>>): RoleChange[] {
  const changes: RoleChange[] = [];
  const byTenant = new Map(held.map((h) => [h.tenantId, h]));
  for (const [tenantId, role] of Object.entries(granted).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const now = byTenant.get(tenantId);
    if (now?.source === "hand" || now?.role === role) continue;
    changes.push({ kind: "grant", tenantId, role, previous: now?.role ?? null });
  }
  for (const h of [...held].sort((a, b) => (a.tenantId < b.tenantId ? -1 : 1))) {
    if (h.source === "provider" && !Object.hasOwn(granted, h.tenantId)) changes.push({ kind: "revoke", tenantId: h.tenantId, previous: h.role });
  }
  return changes;
}
