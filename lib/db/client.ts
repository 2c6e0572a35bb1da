import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { getEnv } from "@/lib/env";
import { migratePglite, migratePostgres } from "./migrate";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";
import type { Db, DbHandle } from "./types";
import { logEvent } from "@/lib/log/log-event";
import { processGlobal } from "@/lib/process-global";
import { tracingOn } from "@/lib/telemetry/tracing";
import { traceQueries } from "./traced-client";
import { withNamedStatements } from "./pglite-named";

// ONE database handle per process, opened on first use (never at import: `next build` imports
// every module). Kept on globalThis because Next may load this module more than once per process
// (instrumentation, route handlers and server components are bundled separately).
type Slot = { handle?: Promise<DbHandle> };
const slot = processGlobal<Slot>("db", () => ({}));

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DbHandle> {
  slot.handle ??= openConfigured().catch((e: unknown) => {
    slot.handle = undefined; // let the next call retry (the database may come up later)
    throw e;
  });
  return slot.handle;
}

export async function closeDb(): Promise<void> {
  const pending = slot.handle;
  slot.handle = undefined;
  if (pending) await (await pending).close();
}

/** Tests open their own database (in-memory PGlite or a fresh Postgres database) and install it. */
export function installDbForTests(handle: DbHandle): void {
  slot.handle = Promise.resolve(handle);
}

async function openConfigured(): Promise<DbHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL, env.DB_POOL_MAX);
  return openPglite(resolve(env.DATA_DIR, "db"));
}

/**
 * Every connection gets a statement_timeout (DB_STATEMENT_TIMEOUT_MS): a runaway query, or one stuck
 * behind a lock, is cancelled by the database instead of holding a pooled connection and the request
 * that waits on it for ever.
 */
function statementTimeout(ms: number | undefined): number {
  return ms ?? getEnv().DB_STATEMENT_TIMEOUT_MS;
}

/** `dataDir` undefined = in memory (tests). Migrations are applied before the handle is returned. */
const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * `from`: a data directory dumped by PGlite (`dumpDataDir`) to start an in-memory database from,
 * instead of running initdb (the test suite's migrated template: tests/support/pglite-template.ts).
 */
export async function openPglite(dataDir?: string, statementTimeoutMs?: number, from?: Blob): Promise<DbHandle> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquirePgliteLock(join(dataDir, "..", "db.lock"), dataDir);
  }
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    // PostgreSQL's default 128 MB of shared buffers lives in PGlite's WebAssembly memory, inside the
    // app's own process; the files behind it are still in the OS page cache (issue 23 item 3).
    const options = { postgresqlconf: `shared_buffers = ${PGLITE_SHARED_BUFFERS}` };
    const client = dataDir ? new PGlite(dataDir, options) : new PGlite({ ...options, ...(from ? { loadDataDir: from } : {}) });
    await client.waitReady;
    await migratePglite(client);
    // PGlite is one session: a session-level setting covers every later query.
    await client.query(`set statement_timeout = ${statementTimeout(statementTimeoutMs)}`);
    // drizzle's PGlite driver sends every statement unnamed: repeated ones run prepared by name (ADR 0031).
    const named = await withNamedStatements(client);
    const db = drizzle({ client: tracingOn() ? traceQueries(named) : named, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function openPostgres(url: string, max = 10, statementTimeoutMs?: number): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // Sent with each connection's start-up, so it holds for every pooled connection from its first query.
  const pool = new Pool({ connectionString: url, max, statement_timeout: statementTimeout(statementTimeoutMs) });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (e) => logEvent("error", "db.pool_error", { error: e.message }));
  await migratePostgres(pool);
  const db = drizzle({ client: tracingOn() ? traceQueries(pool) : pool, schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => pool.end() };
}
