import "server-only";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import * as schema from "./schema";

/** Any number fixed for this app: the session-level advisory lock held while migrating. */
const MIGRATION_LOCK_KEY = 7_202_604;

export function migrationsFolder(): string {
  return join(process.cwd(), "drizzle");
}

/** PGlite is one connection in one process: nothing else can migrate it at the same time. */
export async function migratePglite(client: PGlite): Promise<void> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(drizzle({ client, schema }), { migrationsFolder: migrationsFolder() });
}

/**
 * On a server, several instances may start at once: each takes the same advisory lock on one
 * connection, so one migrates while the others wait and then find nothing left to apply.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = await pool.connect();
  try {
    // Waiting for another instance's migration, or building an index over a large audit log, may
    // take longer than the per-statement limit the pool sets for requests; RESET restores it.
    await client.query("set statement_timeout = 0");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client, schema }), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      await client.query("reset statement_timeout");
    }
  } finally {
    client.release();
  }
}
