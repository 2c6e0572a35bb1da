import "server-only";
import { readFileSync } from "node:fs";
import { ConfigError, getEnv } from "@/lib/env";
import { processGlobal } from "@/lib/process-global";
import { allTenants } from "@/lib/tenants";
import { roleMappingSchema, type RoleMapping } from "./role-mapping";

/** Better Auth's id for the one company provider: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  label: string;
  groupsClaim: string;
};

/** Company sign-in as configured, or null when it is off (no OIDC_* variables: nothing changes). */
export function oidcSettings(): OidcSettings | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES,
    label: env.OIDC_LABEL,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
  };
}

/** Passwords kept for break-glass accounts only (PASSWORD_SIGN_IN_ONLY): the login page folds the form away. */
export function passwordsForBreakGlassOnly(): boolean {
  return oidcSettings() !== null && getEnv().PASSWORD_SIGN_IN_ONLY !== undefined;
}

/** Discovery lives under the issuer (OpenID Connect Discovery 1.0, section 4). */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** Issuers compare as strings, but a trailing slash in the setting should not lock everyone out. */
export function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}

// Read once per process like the tenants file (lib/tenants.ts): an edit applies at the next start.
type Slot = { mapping?: RoleMapping };
const slot = processGlobal<Slot>("oidc-role-mapping", () => ({}));

/** OIDC_ROLES_FILE, checked against the tenants; empty when unset (company users then get no role). */
export function roleMapping(): RoleMapping {
  slot.mapping ??= loadRoleMapping();
  return slot.mapping;
}

function loadRoleMapping(): RoleMapping {
  const path = getEnv().OIDC_ROLES_FILE;
  if (!path) return {};
  const fail = (why: string) => new ConfigError(`OIDC_ROLES_FILE: ${path}: ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw fail(e instanceof SyntaxError ? `not valid JSON; "jq . ${path}" shows where it breaks` : "cannot be read");
  }
  const parsed = roleMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(
      `${issue?.path.join(" → ") || "(file)"}: ${issue?.message ?? "invalid"}; expected { "claim value": { "tenant id": "viewer|operator|auditor|admin" } }`,
    );
  }
  const known = new Set(allTenants().map((t) => t.id));
  for (const [value, tenants] of Object.entries(parsed.data))
    for (const tenant of Object.keys(tenants)) if (!known.has(tenant)) throw fail(`"${value}" names tenant "${tenant}", which is not configured`);
  return parsed.data;
}

/** Tests change OIDC_ROLES_FILE between cases; production never calls this. */
export function resetRoleMappingForTests(): void {
  slot.mapping = undefined;
}
