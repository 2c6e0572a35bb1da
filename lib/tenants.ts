import "server-only";
import { readFileSync } from "node:fs";
import * as React from "react";
import { z } from "zod";
import { DEMO_TENANTS, type DemoTenant } from "@/lib/demo-tenants";
import { ConfigError, getEnv } from "@/lib/env";
import { parseTenantsFile, tenantIdSchema, tenantsFileSchema, type AuthType } from "@/lib/tenants-file";
import { processGlobal } from "@/lib/process-global";

export { AUTH_TYPES, type AuthType } from "@/lib/tenants-file";

type TenantBase = {
  id: string;
  name: string;
  baseUrl: string;
  /** Set only by a tenants file that opts this tenant into plain http (start-up warns about it). */
  allowInsecureHttp?: true;
};

/** An API key's id and secret, traded with CAN's token/create for tokens that expire (lib/can renews them). */
export type AppCredential = { appId: string; appSecret: string; tokenTtlSeconds?: number };

/** A tenant whose calls carry one fixed credential. `authValue` is a secret: it never leaves lib/can. */
export type FixedCredentialTenant = TenantBase & { authType: AuthType; authValue: string; app?: undefined };
/** A tenant whose calls carry a token lib/can obtains from `app` and renews. `appSecret` never leaves lib/can. */
export type AppCredentialTenant = TenantBase & { authType: "TOKEN"; app: AppCredential; authValue?: undefined };
/** A tenant as server code sees it. */
export type Tenant = FixedCredentialTenant | AppCredentialTenant;

/** The secrets a tenant holds (issued tokens aside: lib/can/token-store knows those). */
export function tenantSecrets(t: Tenant): string[] {
  return t.app ? [t.app.appSecret] : [t.authValue];
}

/** What may be shown to a user. */
export type TenantSummary = { id: string; name: string };

export { parseTenantsFile } from "@/lib/tenants-file";

// Read once per process, at start-up (lib/server/config-check.ts), and shared by every bundle Next
// loads this module into (instrumentation, route handlers, pages): a tenants file edited on disk
// later must not reach a bundle that happens to load after the edit. It applies at the next start.
type Slot = { registry?: Tenant[] };
const slot = processGlobal<Slot>("tenants", () => ({}));
/** Taint is per React instance, and each bundle has its own: every copy of this module taints. */
let taintedHere: Tenant[] | undefined;

function loadRegistry(): Tenant[] {
  const env = getEnv();
  if (env.CAN_TENANTS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.CAN_TENANTS_FILE, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : "cannot be read";
      throw new ConfigError(
        `Tenants file ${env.CAN_TENANTS_FILE}: ${why}; point CAN_TENANTS_FILE at a readable JSON file (see docs/deploying.md, Pointing at a real CAN)`,
      );
    }
    return parseTenantsFile(env.CAN_TENANTS_FILE, text);
  }
  const baseUrl = env.SANDBOX_URL.replace(/\/+$/, "");
  return DEMO_TENANTS.map((t) => demoTenant(t, baseUrl));
}

function demoTenant(t: DemoTenant, baseUrl: string): Tenant {
  const base = { id: t.id, name: t.name, baseUrl };
  return t.authType === "APIKEY"
    ? { ...base, authType: "APIKEY", authValue: t.authValue }
    : { ...base, authType: "TOKEN", app: { appId: t.appId, appSecret: t.appSecret } };
}

/** Tests switch between demo mode and a tenants file; production never calls this. */
export function resetTenantsForTests(): void {
  slot.registry = undefined;
  taintedHere = undefined;
}

export const CREDENTIAL_TAINT_MESSAGE = "A CAN tenant credential (auth-value, app secret or token) must never be passed to the browser.";

export type TaintUniqueValue = (message: string, lifetime: object, value: string) => void;

/** React's taint API in its experimental server build (Next's, with `experimental.taint`); undefined elsewhere. */
export const reactTaint: TaintUniqueValue | undefined = (React as { experimental_taintUniqueValue?: TaintUniqueValue }).experimental_taintUniqueValue;

/**
 * Marks every credential with React's taint API, for as long as its tenant object lives (the
 * registry is kept for the life of the process): should one ever reach a client component's props
 * or a server action's result, React refuses to serialize it and the render fails instead of
 * leaking. The API exists only in React's experimental server build, which Next uses with
 * `experimental.taint` (next.config.js); the CLIs and unit tests load stable React, where nothing
 * is rendered for a browser, and skip it.
 */
export function taintCredentials(tenants: readonly Tenant[], taint: TaintUniqueValue | undefined = reactTaint): number {
  if (typeof taint !== "function") return 0;
  for (const t of tenants) for (const secret of tenantSecrets(t)) taint(CREDENTIAL_TAINT_MESSAGE, t, secret);
  return tenants.length;
}

export function allTenants(): readonly Tenant[] {
  slot.registry ??= loadRegistry();
  if (taintedHere !== slot.registry) {
    taintCredentials(slot.registry);
    taintedHere = slot.registry;
  }
  return slot.registry;
}

export function getTenant(id: string): Tenant | undefined {
  return allTenants().find((t) => t.id === id);
}

export function toTenantSummary(t: Tenant): TenantSummary {
  return { id: t.id, name: t.name };
}

export function isDemoMode(): boolean {
  return !getEnv().CAN_TENANTS_FILE;
}

/**
 * Tenant ids and names only, without resolving credentials: for the users CLI, which must not need
 * the CAN secrets in its environment just to check that a tenant id exists.
 */
export function tenantDirectory(): TenantSummary[] {
  const env = getEnv();
  if (!env.CAN_TENANTS_FILE) return DEMO_TENANTS.map((t) => ({ id: t.id, name: t.name }));
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(env.CAN_TENANTS_FILE, "utf8"));
  } catch {
    throw new ConfigError(`Tenants file ${env.CAN_TENANTS_FILE}: cannot be read as JSON`);
  }
  const file = tenantsFileSchema.safeParse(json);
  if (!file.success) throw new ConfigError(`Tenants file ${env.CAN_TENANTS_FILE}: expected { "tenants": [ … ] }`);
  const entry = z.object({ id: tenantIdSchema, name: z.string().min(1) });
  return file.data.tenants.flatMap((raw) => {
    const t = entry.safeParse(raw);
    return t.success ? [{ id: t.data.id, name: t.data.name }] : [];
  });
}
