import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dbKind, serverUrl } from "@/tests/support/test-db";
import { openPglite, openPostgres, queryRows } from "./index";

describe(`opening the database (${dbKind})`, () => {
  if (serverUrl) {
    it("two instances starting at once migrate one database once (advisory lock)", async () => {
      const created = await createTestDatabase();
      try {
        const [a, b, c] = await Promise.all([openPostgres(created.url, 2), openPostgres(created.url, 2), openPostgres(created.url, 2)]);
        const applied = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        const journal = JSON.parse(readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] };
        expect(applied[0]?.n).toBe(journal.entries.length);
        const tables = await queryRows<{ n: number }>(b.db, sql`select count(*)::int as n from information_schema.tables where table_name = 'audit_log'`);
        expect(tables[0]?.n).toBe(1);
        await Promise.all([a.close(), b.close(), c.close()]);
      } finally {
        await created.drop();
      }
    }, 60_000);
  } else {
    it("a second process cannot open the embedded database while the first has it open", async () => {
      const dir = mkdtempSync(join(tmpdir(), "db-lock-"));
      // One process (tsx as a loader, not its CLI, which would run the script in a child of its own).
      // It starts an empty PGlite (initdb), which took over a minute on a busy machine.
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/hold-db.ts"], {
        cwd: process.cwd(),
        env: { ...process.env, DATA_DIR: dir },
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        await new Promise<void>((resolve, reject) => {
          child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
          child.once("exit", (code) => reject(new Error(`holder exited early (${code})`)));
        });
        await expect(openPglite(join(dir, "db"))).rejects.toThrow(/is in use by process \d+/);
      } finally {
        child.kill("SIGKILL");
        await new Promise((r) => child.once("exit", r));
      }
      // Its owner gone, the lock is stale and the database opens (and survived the kill).
      const handle = await openPglite(join(dir, "db"));
      const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from "user"`);
      expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }, 180_000);
  }
});
