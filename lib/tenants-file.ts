import "server-only";
import { z } from "zod";
import { ConfigError, readSecretEnv } from "@/lib/env";
import type { Tenant } from "@/lib/tenants";

export const AUTH_TYPES = ["UID", "TOKEN", "ACCOUNT", "APIKEY"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

const isPlainHttp = (url: string) => new URL(url).protocol === "http:";

export const tenantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '_' or '-' only (1–64)");
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "an environment variable name");

/** One of the two spellings of a secret: the name of an environment variable, or the value inline. */
const oneOf = (env: string | undefined, inline: string | undefined) => (env === undefined) !== (inline === undefined);

const tenantEntrySchema = z
  .object({
    id: tenantIdSchema,
    name: z.string().min(1).max(120),
    baseUrl: z.url({ protocol: /^https?$/ }),
    authType: z.enum(AUTH_TYPES),
    authValueEnv: envName.optional(),
    authValue: z.string().min(1).optional(),
    // App credentials (an API key's appId and appSecret): the console trades them for tokens.
    appIdEnv: envName.optional(),
    appId: z.string().min(1).max(200).optional(),
    appSecretEnv: envName.optional(),
    appSecret: z.string().min(1).max(200).optional(),
    /** Asked of CAN as `expire`; unset, CAN's default (6 hours) applies. */
    tokenTtlSeconds: z
      .int()
      .min(10, "at least 10 seconds")
      .max(30 * 24 * 60 * 60, "at most 30 days")
      .optional(),
    allowInsecureHttp: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const usesApp = [t.appIdEnv, t.appId, t.appSecretEnv, t.appSecret].some((v) => v !== undefined);
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!usesApp) {
      if (!oneOf(t.authValueEnv, t.authValue))
        issue("authValueEnv", 'give exactly one of authValueEnv (recommended) or authValue (or, with "authType": "TOKEN", appIdEnv and appSecretEnv)');
      else if (t.tokenTtlSeconds !== undefined) issue("tokenTtlSeconds", "applies only to app credentials (appIdEnv and appSecretEnv)");
      return;
    }
    if (t.authType !== "TOKEN") issue("authType", 'app credentials are traded for tokens: use "authType": "TOKEN"');
    else if (t.authValueEnv !== undefined || t.authValue !== undefined)
      issue("authValueEnv", "give either authValueEnv/authValue or appIdEnv and appSecretEnv, not both");
    else if (!oneOf(t.appIdEnv, t.appId)) issue("appIdEnv", "give exactly one of appIdEnv (recommended) or appId");
    else if (!oneOf(t.appSecretEnv, t.appSecret)) issue("appSecretEnv", "give exactly one of appSecretEnv (recommended) or appSecret");
  })
  // The credential travels in a header on every call: over http anyone on the path can read it.
  .refine((t) => t.allowInsecureHttp === true || !isPlainHttp(t.baseUrl), {
    message: 'http:// sends the credential in clear text: use https://, or add "allowInsecureHttp": true to this tenant',
    path: ["baseUrl"],
  });
type TenantEntry = z.infer<typeof tenantEntrySchema>;

export const tenantsFileSchema = z.object({ tenants: z.array(z.unknown()).min(1) });

/** Parses a tenants file's JSON text; every error names the file, the tenant and the field. */
export function parseTenantsFile(fileName: string, text: string, readSecret: (name: string) => string | undefined = readSecretEnv): Tenant[] {
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
    const fail = (field: string, message: string) => new ConfigError(`Tenants file ${fileName}: tenant ${label}: field "${field}": ${message}`);
    const entry = tenantEntrySchema.safeParse(raw);
    if (!entry.success) {
      const issue = entry.error.issues[0];
      // zod words a missing field as a type mismatch ("expected string, received undefined").
      const message =
        issue?.code === "invalid_type" && /received undefined/.test(issue.message) ? "missing; every tenant needs it" : (issue?.message ?? "invalid");
      throw fail(issue?.path.join(".") || "(entry)", message);
    }
    const secret = (envField: string, env: string | undefined, inline: string | undefined): string => {
      const value = env === undefined ? inline : readSecret(env);
      if (!value) throw fail(envField, `environment variable ${env ?? "(none)"} is not set; set it in the console's environment`);
      return value;
    };
    const t = entry.data;
    if (tenants.some((other) => other.id === t.id)) throw fail("id", "duplicate tenant id");
    const base = {
      id: t.id,
      name: t.name,
      baseUrl: t.baseUrl.replace(/\/+$/, ""),
      ...(t.allowInsecureHttp === true && isPlainHttp(t.baseUrl) ? { allowInsecureHttp: true as const } : {}),
    };
    tenants.push(
      usesAppCredentials(t)
        ? {
            ...base,
            authType: "TOKEN",
            app: {
              appId: secret("appIdEnv", t.appIdEnv, t.appId),
              appSecret: secret("appSecretEnv", t.appSecretEnv, t.appSecret),
              ...(t.tokenTtlSeconds !== undefined ? { tokenTtlSeconds: t.tokenTtlSeconds } : {}),
            },
          }
        : { ...base, authType: t.authType, authValue: secret("authValueEnv", t.authValueEnv, t.authValue) },
    );
  });
  return tenants;
}

function usesAppCredentials(t: TenantEntry): boolean {
  return t.appIdEnv !== undefined || t.appId !== undefined;
}

function describeEntry(raw: unknown, index: number): string {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === "string" ? `"${id}" (#${index + 1})` : `#${index + 1}`;
}
