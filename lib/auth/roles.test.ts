import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, ROLES, type Permission, type Role } from "./roles";

const EXPECTED: Record<Role, Permission[]> = {
  viewer: ["plans:read"],
  operator: ["plans:read", "partitions:mark"],
  auditor: ["plans:read", "audit:read"],
  admin: ["plans:read", "partitions:mark", "audit:read", "users:manage"],
};

describe("role → permission matrix", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(hasPermission(role, permission)).toBe(allowed);
      });
    }
  }
});
