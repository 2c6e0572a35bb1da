// Roles and permissions: pure data, safe for client and server. The data-access layer
// (lib/auth/dal.ts) is the only place that applies them to a request.

export const ROLES = ["viewer", "operator", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ["plans:read", "partitions:mark", "audit:read", "users:manage"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ["plans:read"],
  operator: ["plans:read", "partitions:mark"],
  auditor: ["plans:read", "audit:read"],
  admin: ["plans:read", "partitions:mark", "audit:read", "users:manage"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type SessionUser = { id: string; username: string; name: string; roles: Record<string, Role> }; // tenantId -> role
export type Actor = { userId: string; username: string; tenantId: string; role: Role };
export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** Unverified (no trusted proxy header): keys the sign-in limit only, never audited as `ip`. */
  claimedIp?: string | null;
};

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer (browse)",
  operator: "Operator (browse and mark)",
  auditor: "Auditor (browse, read and export the audit log)",
  admin: "Admin (everything, plus users and roles)",
};
