import "server-only";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";
import { ConfigError } from "@/lib/env";
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
 * Whether the database already has every committed migration. The runtime role of a least-privilege
 * set-up (docs/postgres-roles.sql) may not create drizzle's bookkeeping schema, so it must not try.
 */
async function upToDate(client: PoolClient): Promise<boolean> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.folderMillis));
  try {
    const { rows } = await client.query<{ last: string | null }>("select max(created_at)::text as last from drizzle.__drizzle_migrations");
    return Number(rows[0]?.last ?? 0) >= newest;
  } catch {
    return false; // no bookkeeping yet: a first migration
  }
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
    if (await upToDate(client)) return;
    // Waiting for another instance's migration, or building an index over a large audit log, may
    // take longer than the per-statement limit the pool sets for requests; RESET restores it.
    await client.query("set statement_timeout = 0");
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client, schema }), { migrationsFolder: migrationsFolder() });
    } catch (e) {
      if ((e as { code?: unknown; cause?: { code?: unknown } }).code === "42501" || (e as { cause?: { code?: unknown } }).cause?.code === "42501") {
        throw new ConfigError(
          "Migrations are pending and this database role may not apply them: run `npm run db:migrate` with the migration role (docs/postgres-roles.sql).",
        );
      }
      throw e;
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      await client.query("reset statement_timeout");
    }
  } finally {
    client.release();
  }
}
