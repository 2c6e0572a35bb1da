import "server-only";
import { readFileSync } from "node:fs";
import * as React from "react";
import { z } from "zod";
import { DEMO_TENANTS } from "@/sandbox/demo-tenants";
import { ConfigError, getEnv, readSecretEnv } from "@/lib/env";

export const AUTH_TYPES = ["UID", "TOKEN", "ACCOUNT", "APIKEY"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** A tenant as server code sees it. `authValue` is a secret: it never leaves lib/can. */
export type Tenant = {
  id: string;
  name: string;
  baseUrl: string;
  authType: AuthType;
  authValue: string;
  /** Set only by a tenants file that opts this tenant into plain http (start-up warns about it). */
  allowInsecureHttp?: true;
};

/** What may be shown to a user. */
export type TenantSummary = { id: string; name: string };

const isPlainHttp = (url: string) => new URL(url).protocol === "http:";

const tenantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '_' or '-' only (1–64)");

const tenantEntrySchema = z
  .object({
    id: tenantIdSchema,
    name: z.string().min(1).max(120),
    baseUrl: z.url({ protocol: /^https?$/ }),
    authType: z.enum(AUTH_TYPES),
    authValueEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name").optional(),
    authValue: z.string().min(1).optional(),
    allowInsecureHttp: z.boolean().optional(),
  })
  .strict()
  .refine((t) => (t.authValue === undefined) !== (t.authValueEnv === undefined), {
    message: "give exactly one of authValueEnv (recommended) or authValue",
    path: ["authValueEnv"],
  })
  // The credential travels in a header on every call: over http anyone on the path can read it.
  .refine((t) => t.allowInsecureHttp === true || !isPlainHttp(t.baseUrl), {
    message: 'http:// sends the credential in clear text: use https://, or add "allowInsecureHttp": true to this tenant',
    path: ["baseUrl"],
  });

const tenantsFileSchema = z.object({ tenants: z.array(z.unknown()).min(1) });

/** Parses a tenants file's JSON text; every error names the file, the tenant and the field. */
export function parseTenantsFile(
  fileName: string,
  text: string,
  readSecret: (name: string) => string | undefined = readSecretEnv,
): Tenant[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`Tenants file ${fileName}: not valid JSON; "jq . ${fileName}" shows where it breaks`);
  }
  const file = tenantsFileSchema.safeParse(json);
  if (!file.success) {
    throw new ConfigError(`Tenants file ${fileName}: expected { "tenants": [ … ] } with at least one tenant`);
  }
  const tenants: Tenant[] = [];
  file.data.tenants.forEach((raw, index) => {
    const label = describeEntry(raw, index);
    const entry = tenantEntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      const field = issue?.path.join(".") || "(entry)";
      // zod words a missing field as a type mismatch ("expected string, received undefined").
      const message = issue?.code === "invalid_type" && /received undefined/.test(issue.message) ? "missing; every tenant needs it" : (issue?.message ?? "invalid");
      throw new ConfigError(`Tenants file ${fileName}: tenant ${label}: field "${field}": ${message}`);
    }
    const { authValueEnv, authValue, allowInsecureHttp, ...rest } = entry.data;
    const secret = authValueEnv === undefined ? authValue : readSecret(authValueEnv);
    if (!secret) {
      throw new ConfigError(
        `Tenants file ${fileName}: tenant ${label}: field "authValueEnv": environment variable ${authValueEnv} is not set; set it in the console's environment`,
      );
    }
    if (tenants.some((t) => t.id === rest.id)) {
      throw new ConfigError(`Tenants file ${fileName}: tenant ${label}: field "id": duplicate tenant id`);
    }
    const insecure = allowInsecureHttp === true && isPlainHttp(rest.baseUrl);
    tenants.push({ ...rest, baseUrl: rest.baseUrl.replace(/\/+$/, ""), authValue: secret, ...(insecure ? { allowInsecureHttp: true as const } : {}) });
  });
  return tenants;
}

function describeEntry(raw: unknown, index: number): string {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === "string" ? `"${id}" (#${index + 1})` : `#${index + 1}`;
}

// Read once per process, at start-up (lib/server/config-check.ts), and shared by every bundle Next
// loads this module into (instrumentation, route handlers, pages): a tenants file edited on disk
// later must not reach a bundle that happens to load after the edit. It applies at the next start.
const KEY = Symbol.for("can-console.tenants");
type Slot = { registry?: Tenant[] };
const slot: Slot = ((globalThis as Record<symbol, Slot | undefined>)[KEY] ??= {});
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
      throw new ConfigError(`Tenants file ${env.CAN_TENANTS_FILE}: ${why}; point CAN_TENANTS_FILE at a readable JSON file (see README, Pointing at a real CAN)`);
    }
    return parseTenantsFile(env.CAN_TENANTS_FILE, text);
  }
  return DEMO_TENANTS.map((t) => ({ ...t, baseUrl: env.SANDBOX_URL.replace(/\/+$/, "") }));
}

/** Tests switch between demo mode and a tenants file; production never calls this. */
export function resetTenantsForTests(): void {
  slot.registry = undefined;
  taintedHere = undefined;
}

export const CREDENTIAL_TAINT_MESSAGE = "A CAN tenant credential (auth-value) must never be passed to the browser.";

type TaintUniqueValue = (message: string, lifetime: object, value: string) => void;

/**
 * Marks every credential with React's taint API, for as long as its tenant object lives (the
 * registry is kept for the life of the process): should one ever reach a client component's props
 * or a server action's result, React refuses to serialize it and the render fails instead of
 * leaking. The API exists only in React's experimental server build, which Next uses with
 * `experimental.taint` (next.config.js); the CLIs and unit tests load stable React, where nothing
 * is rendered for a browser, and skip it.
 */
export function taintCredentials(tenants: readonly Tenant[], taint: TaintUniqueValue | undefined = (React as { experimental_taintUniqueValue?: TaintUniqueValue }).experimental_taintUniqueValue): number {
  if (typeof taint !== "function") return 0;
  for (const t of tenants) taint(CREDENTIAL_TAINT_MESSAGE, t, t.authValue);
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
