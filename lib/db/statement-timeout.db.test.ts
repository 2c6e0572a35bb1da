import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, dbKind, openTestPglite, serverUrl } from "@/tests/support/test-db";
import { openPostgres, queryRows, type DbHandle } from "./index";

// Every connection carries statement_timeout = DB_STATEMENT_TIMEOUT_MS. PostgreSQL cancels a
// runaway statement with it (SQLSTATE 57014) and the pool stays usable. PGlite accepts the setting
// but its WebAssembly build has no timer signal to act on it (measured: pg_sleep(5) runs to the end),
// so there the test checks the setting only (docs/decisions/0012-web-hardening-review.md).

async function open(timeoutMs?: number): Promise<{ handle: DbHandle; done: () => Promise<void> }> {
  if (!serverUrl) {
    const handle = await openTestPglite(timeoutMs);
    return { handle, done: () => handle.close() };
  }
  const created = await createTestDatabase();
  const handle = await openPostgres(created.url, 2, timeoutMs);
  return {
    handle,
    done: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

function sqlState(e: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let cur: unknown = e; cur && typeof cur === "object" && !seen.has(cur); cur = (cur as { cause?: unknown }).cause) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

describe(`statement timeout (${dbKind})`, () => {
  it("applies the configured limit to the connection", async () => {
    const { handle, done } = await open(300);
    try {
      const rows = await queryRows<{ statement_timeout: string }>(handle.db, sql`show statement_timeout`);
      expect(rows[0]?.statement_timeout).toBe("300ms");
    } finally {
      await done();
    }
  }, 60_000);

  it.runIf(serverUrl)(
    "cancels a statement that runs past DB_STATEMENT_TIMEOUT_MS, and the next query still works",
    async () => {
      const { handle, done } = await open(300);
      try {
        const started = Date.now();
        const error = await handle.db.execute(sql`select pg_sleep(5)`).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, "pg_sleep(5) must be cancelled").toBeDefined();
        expect(sqlState(error)).toBe("57014");
        expect(Date.now() - started).toBeLessThan(4_000);
        const rows = await queryRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
        expect(rows[0]?.ok).toBe(1);
      } finally {
        await done();
      }
    },
    60_000,
  );

  it("defaults to DB_STATEMENT_TIMEOUT_MS (15 s unless set)", async () => {
    const { handle, done } = await open();
    try {
      const rows = await queryRows<{ statement_timeout: string }>(handle.db, sql`show statement_timeout`);
      expect(rows[0]?.statement_timeout).toBe("15s");
    } finally {
      await done();
    }
  }, 60_000);
});
