import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { DemoTenant } from "@/lib/demo-tenants";
import type { TokenBook } from "./tokens";

const AUTH_TYPES = ["UID", "TOKEN", "ACCOUNT", "APIKEY"] as const;

export type AuthResult = { ok: true; tenantId: string } | { ok: false; message: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Hashing first makes the comparison length-independent, so timing says nothing about the secret. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Checks CAN's three headers. Messages name what is wrong but never echo or hint at the expected
 * credential; a wrong type and a wrong value read the same so neither can be probed separately.
 */
export function authenticate(headers: IncomingHttpHeaders, tenants: readonly DemoTenant[], tokens: TokenBook): AuthResult {
  const tenantId = header(headers, "tenant-id");
  const authType = header(headers, "auth-type");
  const authValue = header(headers, "auth-value");
  const missing = [tenantId ? null : "tenant-id", authType ? null : "auth-type", authValue ? null : "auth-value"].filter(
    (name): name is string => name !== null,
  );
  if (missing.length > 0 || !tenantId || !authType || !authValue) {
    return { ok: false, message: `authentication failed: missing required header(s): ${missing.join(", ")}` };
  }
  if (!(AUTH_TYPES as readonly string[]).includes(authType)) {
    return { ok: false, message: `authentication failed: auth-type must be one of ${AUTH_TYPES.join(", ")}` };
  }
  const tenant = tenants.find((t) => t.id === tenantId);
  if (!tenant) return { ok: false, message: `authentication failed: unknown tenant-id "${tenantId}"` };
  if (tenant.authType === "TOKEN" && authType === "TOKEN") {
    const check = tokens.check(tenant.id, authValue);
    if (check === "expired") return { ok: false, message: `authentication failed: token expired for tenant "${tenantId}"` };
    if (check === "valid") return { ok: true, tenantId: tenant.id };
  }
  const valid = tenant.authType === "APIKEY" && authType === "APIKEY" && sameSecret(tenant.authValue, authValue);
  if (!valid) {
    return { ok: false, message: `authentication failed: invalid credentials for tenant "${tenantId}"` };
  }
  return { ok: true, tenantId: tenant.id };
}
