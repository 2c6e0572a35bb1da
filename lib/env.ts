import "server-only";
import { z } from "zod";

// The only reader of process.env. Parsed once, lazily, so `next build` does not need runtime config.
const intFromEnv = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** An unset variable and an empty one mean the same. */
const blankToUndefined = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const envFields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  CAN_TENANTS_FILE: z.string().min(1).optional(),
  CAN_TIMEOUT_MS: intFromEnv(10_000, 100, 300_000),
  CAN_PAGE_SIZE: intFromEnv(100, 1, 10_000),
  CAN_PAGE_CONCURRENCY: intFromEnv(6, 1, 32),
  /** How long one read of a plan's partition list serves other requests of this instance (0: only reads in flight are shared). */
  CAN_LIST_CACHE_SECONDS: intFromEnv(10, 0, 300),
  /** How often an open, visible plan page reads its partitions again in the background. */
  PARTITIONS_REFRESH_SECONDS: intFromEnv(60, 2, 3_600),
  SANDBOX_URL: z
    .url({ protocol: /^https?$/, error: "not an http(s) URL; set it to where the CAN sandbox listens, e.g. http://127.0.0.1:8787" })
    .default("http://127.0.0.1:8787"),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Postgres server (postgres://…). Unset: embedded PGlite in <DATA_DIR>/db, one instance per process. */
  DATABASE_URL: blankToUndefined(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: "not a PostgreSQL URL; use postgres://user:password@host:5432/database, or unset it for the embedded database",
      })
      .optional(),
  ),
  DB_POOL_MAX: intFromEnv(10, 1, 100),
  /** Longest any one SQL statement may run before the database cancels it (Postgres and PGlite alike). */
  DB_STATEMENT_TIMEOUT_MS: intFromEnv(15_000, 100, 600_000),
  /** Where users reach the console. Decides the cookie mode: https gives Secure cookies with the __Host- prefix. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "not an http(s) URL; set it to the address users open, e.g. https://console.example.com" })
    .default("http://127.0.0.1:3000"),
  /** More hosts the console answers to besides PUBLIC_URL's (host[:port], comma-separated); any other Host is refused. */
  ALLOWED_HOSTS: blankToUndefined(
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((h) => h.trim().toLowerCase())
          .filter((h) => h !== ""),
      )
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/, "host[:port] names, comma-separated")))
      .optional(),
  ).transform((v) => v ?? []),
  /** Set to `true` only behind a reverse proxy that sets X-Forwarded-Host itself; otherwise anyone could name the host. */
  TRUST_FORWARDED_HOST: blankToUndefined(z.enum(["true", "false"]).optional()).transform((v) => v === "true"),
  /** Signs session cookies and encrypts TOTP secrets. Required outside demo mode. */
  AUTH_SECRET: blankToUndefined(z.string().min(32, "too short: use 32 or more random characters, e.g. `openssl rand -base64 32`").optional()),
  /**
   * Keys the audit chain's MACs and checkpoint signatures. Unset: derived from AUTH_SECRET. Set it
   * to keep the audit key when AUTH_SECRET rotates (docs/decisions/0010-audit-keyed-chain.md).
   */
  AUDIT_KEY: blankToUndefined(z.string().min(32, "too short: use 32 or more random characters, e.g. `openssl rand -base64 32`").optional()),
  /** The one request header a reverse proxy sets to the client address; unset = trust none. */
  TRUST_PROXY_HEADER: blankToUndefined(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(none|[a-z0-9-]{1,64})$/, "a header name such as x-real-ip or x-forwarded-for, or none")
      .optional(),
  ).transform((v) => (v === undefined || v === "none" ? undefined : v)),
  SIGNIN_WINDOW_SECONDS: intFromEnv(900, 1, 86_400),
  SIGNIN_MAX_PER_ACCOUNT: intFromEnv(5, 1, 1_000),
  SIGNIN_MAX_PER_IP: intFromEnv(20, 1, 100_000),
  SESSION_MAX_HOURS: intFromEnv(12, 1, 720),
  SESSION_IDLE_MINUTES: intFromEnv(30, 1, 1_440),
  /** Requests per API token per minute through the `/can` API, counted in the database across instances. */
  CAN_API_RATE_PER_MINUTE: intFromEnv(3_000, 1, 1_000_000),
  /** How long a stopping instance may take to finish in-flight marks and close the database. */
  SHUTDOWN_TIMEOUT_MS: intFromEnv(15_000, 1_000, 600_000),
  /** Bearer token a Prometheus scraper sends to /api/metrics; unset = metrics are off (docs/decisions/0021). */
  METRICS_TOKEN: blankToUndefined(z.string().min(32, "too short: use 32 or more random characters, e.g. `openssl rand -base64 32`").optional()),
  /**
   * OpenTelemetry traces over OTLP/HTTP (docs/decisions/0026), by the standard variables: the traces
   * URL itself, or the collector's base URL (`/v1/traces` is added). Neither set = tracing is off.
   */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: blankToUndefined(
    z.url({ protocol: /^https?$/, error: "an http(s) URL such as http://collector:4318/v1/traces" }).optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: blankToUndefined(z.url({ protocol: /^https?$/, error: "an http(s) URL such as http://collector:4318" }).optional()),
  OTEL_SERVICE_NAME: blankToUndefined(z.string().trim().min(1).max(100).optional()),
  /** How long spans wait in the batch before they are sent. */
  OTEL_BSP_SCHEDULE_DELAY: intFromEnv(5_000, 10, 60_000),
  /** Company sign-in (OpenID Connect, docs/decisions/0023): the provider's issuer URL. Unset = no company sign-in. */
  OIDC_ISSUER: blankToUndefined(
    z.url({ protocol: /^https?$/, error: "not an http(s) URL; the provider's issuer, e.g. https://sso.example.com/realms/acme" }).optional(),
  ),
  OIDC_CLIENT_ID: blankToUndefined(z.string().min(1).max(200).optional()),
  OIDC_CLIENT_SECRET: blankToUndefined(z.string().min(1).max(1000).optional()),
  /** Space-separated; `openid` is always asked for. */
  OIDC_SCOPES: blankToUndefined(
    z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "scope names separated by single spaces")
      .optional(),
  ).transform((v) => (v ?? "openid profile email").split(" ").filter((s, i, all) => all.indexOf(s) === i)),
  /** The button says "Sign in with <label>". */
  OIDC_LABEL: blankToUndefined(z.string().trim().min(1).max(60).optional()).transform((v) => v ?? "company account"),
  /** The ID token or userinfo claim whose values (a string or a list of strings) the roles file maps. */
  OIDC_GROUPS_CLAIM: blankToUndefined(z.string().trim().min(1).max(100).optional()).transform((v) => v ?? "groups"),
  /** JSON file: claim value → { tenant id: role }, applied at every company sign-in. */
  OIDC_ROLES_FILE: blankToUndefined(z.string().min(1).optional()),
  /** Comma-separated usernames still allowed to sign in with a password (break-glass); unset = every local account. */
  PASSWORD_SIGN_IN_ONLY: blankToUndefined(
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim().toLowerCase())
          .filter((u) => u !== ""),
      )
      .pipe(
        z.array(z.string().regex(/^[a-z0-9_.]{2,64}$/, "usernames (a–z, 0–9, '.', '_'), comma-separated")).min(1, "name at least one username, or unset it"),
      )
      .optional(),
  ),
  /** Next's own switch: when set, Next leaves SIGTERM/SIGINT to us (lib/server/shutdown.ts). */
  NEXT_MANUAL_SIG_HANDLE: z.string().optional(),
});

/** Company sign-in is all or nothing: an issuer without its client (or the reverse) is a mistake, not "off". */
const envSchema = envFields.superRefine((e, ctx) => {
  const oidc = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  const set = Object.values(oidc).filter((v) => v !== undefined).length;
  if (set === 0) {
    if (e.OIDC_ROLES_FILE)
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ROLES_FILE"],
        message: "applies only to company sign-in: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
      });
    if (e.PASSWORD_SIGN_IN_ONLY)
      ctx.addIssue({
        code: "custom",
        path: ["PASSWORD_SIGN_IN_ONLY"],
        message: "turning passwords off needs company sign-in: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
      });
    return;
  }
  for (const [name, value] of Object.entries(oidc))
    if (value === undefined)
      ctx.addIssue({ code: "custom", path: [name], message: "not set; company sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together" });
});

export type Env = z.infer<typeof envSchema>;

/** Outside demo mode (CAN_TENANTS_FILE set) AUTH_SECRET has no fallback: start-up and sign-in say this. */
export const AUTH_SECRET_REQUIRED =
  "AUTH_SECRET: not set, and it is required with CAN_TENANTS_FILE; set it to 32 or more random characters (e.g. `openssl rand -base64 32`), the same on every instance";

let cached: Env | undefined;

/**
 * A setting the console cannot run with. `problems` holds one line per problem: the setting, what
 * is wrong and how to fix it, never a secret's value (start-up prints exactly these lines).
 */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
  }
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // zod's messages describe the rule, never the value, so a bad AUTH_SECRET is not echoed.
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${problems.map((l) => `  ${l}`).join("\n")}`, problems);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** A tenant credential named by the tenants file (`authValueEnv`). */
export function readSecretEnv(name: string): string | undefined {
  return process.env[name];
}
