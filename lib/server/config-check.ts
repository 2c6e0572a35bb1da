import "server-only";
import { roleMapping } from "@/lib/auth/oidc/settings";
import { AUTH_SECRET_REQUIRED, ConfigError, getEnv, type Env } from "@/lib/env";
import { allTenants, isDemoMode } from "@/lib/tenants";

// Only light modules are imported up front: the database and the CAN client load once the settings
// they need have passed, so a bad setting is reported within moments of `next start`.

/** A database that has not answered by then is reported rather than waited for. */
const DATABASE_WAIT_MS = 15_000;
/** `npm start` and Playwright start the sandbox beside the app, not always before it. */
const SANDBOX_WAIT_MS = 20_000;

/**
 * Every setting the console needs, checked once before it serves (docs/decisions/0015): the
 * environment, the tenants file, AUTH_SECRET, the database (opened and migrated) and, in demo mode,
 * the sandbox. Returns one line per problem (setting, what is wrong, how to fix it; never a
 * secret's value); an empty list means the console may serve.
 */
export async function checkConfiguration(): Promise<string[]> {
  let env: Env;
  try {
    env = getEnv();
  } catch (e) {
    // Everything below reads the environment: report its problems alone.
    return problemLines(e);
  }
  const problems: string[] = [];
  collect(problems, () => allTenants());
  if (problems.length === 0) collect(problems, () => roleMapping());
  if (!env.AUTH_SECRET && !isDemoMode()) problems.push(AUTH_SECRET_REQUIRED);
  // Opening the database migrates it: not for a console that cannot start anyway.
  if (problems.length > 0) return problems;
  problems.push(...(await databaseProblems(env, DATABASE_WAIT_MS)));
  if (isDemoMode()) problems.push(...(await sandboxProblems(env, SANDBOX_WAIT_MS)));
  return problems;
}

/** The lines a failure is reported with: a ConfigError's own, or the error's message for the rest. */
export function problemLines(e: unknown): string[] {
  if (e instanceof ConfigError) return e.problems.map((p) => (p.startsWith("Tenants file") ? `CAN_TENANTS_FILE: ${p}` : p));
  return [e instanceof Error ? e.message : String(e)];
}

function collect(problems: string[], read: () => unknown): void {
  try {
    read();
  } catch (e) {
    problems.push(...problemLines(e));
  }
}

async function databaseProblems(env: Env, waitMs: number): Promise<string[]> {
  const where = env.DATABASE_URL ? "DATABASE_URL" : "DATA_DIR";
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), waitMs)));
  try {
    const { getDbHandle } = await import("@/lib/db");
    const outcome = await Promise.race([getDbHandle(), timeout]);
    if (outcome === "timeout")
      return [`${where}: ${describeDatabase(env)} did not answer within ${waitMs / 1000} s; check the host and port, and that PostgreSQL accepts connections`];
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${where}: ${p}`);
    return [`${where}: cannot open ${describeDatabase(env)}: ${databaseReason(e, env)}`];
  } finally {
    clearTimeout(timer);
  }
}

/** Host, port and database name only: the URL's password never reaches the log. */
function describeDatabase(env: Env): string {
  if (!env.DATABASE_URL) return `the embedded database in ${env.DATA_DIR}/db`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

function databaseReason(e: unknown, env: Env): string {
  const code = (e as { code?: unknown }).code;
  const hint: Record<string, string> = {
    ECONNREFUSED: "connection refused (is PostgreSQL running there?)",
    ENOTFOUND: "unknown host",
    EAI_AGAIN: "the host name could not be resolved",
    ETIMEDOUT: "connection timed out",
    "28P01": "password authentication failed (check the user and password)",
    "3D000": "the database does not exist (create it, or fix the name)",
  };
  if (typeof code === "string" && hint[code]) return hint[code];
  const message = e instanceof Error ? e.message : String(e);
  const password = env.DATABASE_URL ? decodeURIComponent(new URL(env.DATABASE_URL).password) : "";
  return password ? message.split(password).join("***") : message;
}

/** Demo mode talks to the sandbox: one cheap call per demo tenant, retried while it starts. */
async function sandboxProblems(env: Env, waitMs: number): Promise<string[]> {
  const { probeTenants } = await import("@/lib/services/health");
  const deadline = Date.now() + waitMs;
  for (;;) {
    const down = (await probeTenants()).filter((t) => !t.reachable);
    if (down.length === 0) return [];
    if (Date.now() >= deadline) {
      const why = down.map((t) => `${t.tenant}: ${t.problem ?? "no answer"}`).join("; ");
      return [`SANDBOX_URL: the CAN sandbox at ${env.SANDBOX_URL} does not answer (${why}); start it (npm run sandbox) or set SANDBOX_URL to where it runs`];
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
