import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { sql } from "drizzle-orm";
import { resetAuthForTests } from "@/lib/auth/auth";
import { closeDb, installDbForTests, openPglite, openPostgres, type Db, type DbHandle } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { readPgliteTemplate } from "./pglite-template";

/**
 * The database of one test file: in-memory PGlite by default, or, when DATABASE_URL names a
 * PostgreSQL server (npm test's second pass), a fresh database on it, dropped afterwards. The same
 * tests run against both. One per file: a PGlite instance costs ~0.8 GB and ~3 s to start empty,
 * so each starts from the suite's migrated template (tests/support/vitest-global-setup.ts).
 */
export const serverUrl = process.env.DATABASE_URL;
export const dbKind = serverUrl ? "postgres" : "pglite";

/** An in-memory PGlite with every migration, started from the suite's template when there is one. */
export function openTestPglite(statementTimeoutMs?: number): Promise<DbHandle> {
  return openPglite(undefined, statementTimeoutMs, readPgliteTemplate(inject("pgliteTemplate") || undefined));
}

export type TestDb = { handle: DbHandle; db: Db; url: string | null; dbName: string | null };

export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!serverUrl) throw new Error("no DATABASE_URL");
  const { Client } = await import("pg");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function withTestDb(): { current: () => TestDb } {
  let state: TestDb | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    resetEnvForTests();
    resetAuthForTests();
    if (serverUrl) {
      const created = await createTestDatabase();
      drop = created.drop;
      const handle = await openPostgres(created.url, 10);
      state = { handle, db: handle.db, url: created.url, dbName: created.name };
    } else {
      const handle = await openTestPglite();
      state = { handle, db: handle.db, url: null, dbName: null };
    }
    installDbForTests(state.handle);
  }, 60_000);
  afterAll(async () => {
    await closeDb();
    await drop?.();
  }, 60_000);
  return {
    current: () => {
      if (!state) throw new Error("test database not ready");
      return state;
    },
  };
}

/** Runs statements as a superuser with triggers off: what an attacker with database access can do. */
export async function asSuperuserBypassingTriggers(db: Db, statements: ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(s);
  });
}
