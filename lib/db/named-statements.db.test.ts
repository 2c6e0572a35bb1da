import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { recordMarkIntent, recordMarkOutcome } from "@/lib/audit";
import { marksQuery, marksSelect } from "@/lib/audit/marks";
import { sessionQuery, sessionSelect } from "@/lib/auth/session";
import { intentFor } from "@/tests/support/audit-fixtures";
import { dbKind, serverUrl, withTestDb } from "@/tests/support/test-db";
import { openPostgres, queryRows, schema, type Db } from "./index";
import { unnamedClient } from "./pglite-named";

// The hot queries of the plan route (the session, the plan's marks) run as named prepared
// statements on both drivers (ADR 0031), and return exactly what the same statements return sent
// unnamed, as drizzle sends them: on PGlite through the bare instance under the named-statement
// client, on PostgreSQL through the same query unprepared.

const testDb = withTestDb();

/** The same database, its statements sent unnamed. */
function unnamedDb(db: Db): Db {
  if (serverUrl) return db; // node-postgres sends a query without a name unnamed
  const client = unnamedClient((db as unknown as { $client: object }).$client);
  if (!client) throw new Error("the PGlite handle's client has no named-statement layer");
  return drizzle({ client, schema }) as unknown as Db;
}

async function seedSession(db: Db): Promise<{ token: string; userId: string }> {
  const userId = `u-${randomUUID()}`;
  const token = `tok-${randomUUID()}`;
  await db.insert(schema.user).values({ id: userId, name: "Named Statements", email: `${userId}@example.test`, username: userId, locale: "zh-CN" });
  await db.insert(schema.session).values({
    id: `s-${randomUUID()}`,
    token,
    userId,
    expiresAt: new Date("2031-05-06T07:08:09.123Z"),
    updatedAt: new Date("2026-12-01T00:00:00Z"),
    lastActiveAt: new Date("2026-12-05T23:59:59.5Z"),
  });
  await db.insert(schema.tenantRole).values([
    { userId, tenantId: "acme", role: "operator", grantedBy: "test" },
    { userId, tenantId: "globex", role: "viewer", grantedBy: "test" },
  ]);
  return { token, userId };
}

/** now() is the database's clock: equal only within one transaction, so it is compared by type. */
function withoutNow<T extends { now: Date }>(rows: T[]): Omit<T, "now">[] {
  return rows.map(({ now, ...rest }) => {
    expect(now).toBeInstanceOf(Date);
    return rest;
  });
}

async function preparedStatementRuns(db: Pick<Db, "execute">, text: string): Promise<number> {
  const rows = await queryRows<{ runs: number }>(
    db,
    sql`select (generic_plans + custom_plans)::int as runs from pg_prepared_statements where statement = ${text}`,
  );
  return rows[0]?.runs ?? 0;
}

describe(`named prepared statements (${dbKind})`, () => {
  it("the session and marks queries return what the unnamed statements return", async () => {
    const { db } = testDb.current();
    const { token } = await seedSession(db);
    const tenantId = `t-${randomUUID().slice(0, 8)}`;
    const planUuid = randomUUID().replace(/-/g, "");
    const ok = intentFor({ tenantId, planUuid });
    await recordMarkOutcome((await recordMarkIntent(ok)).intentId, ok, { outcome: "ok" });
    const failed = intentFor({ tenantId, planUuid, action: "partition.mark_failed", ranges: [{ start: "2026-11-04", end: "2026-11-04", status: "failed" }] });
    await recordMarkIntent(failed); // no outcome: a left join row with nulls

    const plain = unnamedDb(db);
    const expectedSession = withoutNow(await sessionSelect(plain).execute({ token }));
    const expectedMarks = await marksSelect(plain).execute({ tenantId, planUuid });
    expect(expectedSession).toHaveLength(2);
    expect(expectedMarks).toHaveLength(2);
    for (let i = 0; i < 4; i++) {
      expect(withoutNow(await sessionQuery(db).execute({ token }))).toEqual(expectedSession);
      expect(await marksQuery(db).execute({ tenantId, planUuid })).toEqual(expectedMarks);
    }
    expect(await sessionQuery(db).execute({ token: "no-such-token" })).toEqual([]);
  });

  it("parses every type as the unnamed statement does: bigint, json, timestamps, dates, numeric, arrays, nulls", async () => {
    const { db } = testDb.current();
    const at = new Date("2026-03-08T09:59:59.999Z");
    const typed = (d: Pick<Db, "execute">) =>
      queryRows(
        d,
        sql`select ${9007199254740993n}::bigint as big, ${at}::timestamptz as ts, ${at}::timestamp as local_ts, ${"2028-02-29"}::date as d,
               ${JSON.stringify({ a: [1, "x", null] })}::jsonb as j, ${"12.50"}::numeric as num, array[${1}::int, 2] as arr,
               ${null}::text as nothing, ${true}::boolean as flag, ${"naïve 中文"}::text as words`,
      );
    const expected = await typed(unnamedDb(db));
    for (let i = 0; i < 3; i++) expect(await typed(db)).toEqual(expected);
  });

  it("surfaces a failing statement's error as the unnamed statement does", async () => {
    const { db } = testDb.current();
    const divide = (d: Pick<Db, "execute">) =>
      d.execute(sql`select 1 / ${0}::int as x`).then(
        () => undefined,
        // drizzle hands each call fresh parser functions: their types are compared, not their identity.
        (e: { message: string; cause: Record<string, unknown> & { queryOptions?: { parsers?: object } } }) => ({
          message: e.message,
          cause: { ...e.cause, message: e.cause.message, queryOptions: Object.keys(e.cause.queryOptions?.parsers ?? {}) },
        }),
      );
    const expected = await divide(unnamedDb(db));
    expect(expected?.cause).toMatchObject({ code: "22012" });
    for (let i = 0; i < 3; i++) expect(await divide(db)).toEqual(expected);
  });

  it("runs the hot queries by name: Postgres keeps their parse and plans", async () => {
    const { db, url } = testDb.current();
    const { token } = await seedSession(db);
    // A pool hands a query any of its connections: one connection, so the statements are there to see.
    const one = url ? await openPostgres(url, 1) : null;
    try {
      const on = one ? one.db : db;
      for (let i = 0; i < 3; i++) {
        await sessionQuery(on).execute({ token });
        await marksQuery(on).execute({ tenantId: "acme", planUuid: "none" });
      }
      // PGlite sends a text's first run unnamed and names it from its second: at least two runs each.
      expect(await preparedStatementRuns(on, sessionSelect(on).toSQL().sql)).toBeGreaterThanOrEqual(2);
      expect(await preparedStatementRuns(on, marksSelect(on).toSQL().sql)).toBeGreaterThanOrEqual(2);
    } finally {
      await one?.close();
    }
  });

  it("in a transaction: sees its own writes, rolls them back, and a failed statement does not poison the next", async () => {
    const { db } = testDb.current();
    const { token, userId } = await seedSession(db);
    const touched = new Date("2027-01-02T03:04:05.678Z");
    const touch = (tx: Pick<Db, "update">, when: Date) =>
      tx
        .update(schema.session)
        .set({ lastActiveAt: when })
        .where(sql`token = ${token}`);
    const readInside = await db
      .transaction(async (tx) => {
        for (let i = 0; i < 3; i++) await touch(tx, touched);
        const rows = await sessionSelect(tx).execute({ token });
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((e: { rows?: { lastActiveAt: Date }[] }) => e.rows);
    expect(readInside?.map((r) => r.lastActiveAt)).toEqual([touched, touched]);
    expect((await sessionQuery(db).execute({ token })).map((r) => r.lastActiveAt)).toEqual([
      new Date("2026-12-05T23:59:59.5Z"),
      new Date("2026-12-05T23:59:59.5Z"),
    ]);

    // A duplicate role fails (primary key), named or not; the same statement then works again.
    const grant = (tenantId: string) => db.insert(schema.tenantRole).values({ userId, tenantId, role: "auditor", grantedBy: "test" });
    for (let i = 0; i < 3; i++)
      await expect(
        db.transaction((tx) => tx.insert(schema.tenantRole).values({ userId, tenantId: "acme", role: "admin", grantedBy: "test" })),
      ).rejects.toMatchObject({ cause: { code: "23505" } });
    await grant("initech");
    await grant("umbrella");
    expect((await sessionQuery(db).execute({ token })).map((r) => r.tenantId).sort()).toEqual(["acme", "globex", "initech", "umbrella"]);
  });

  it("never runs inside another caller's transaction", async () => {
    const { db } = testDb.current();
    const { userId } = await seedSession(db);
    const count = () => queryRows<{ n: number }>(db, sql`select count(*)::int as n from tenant_role where user_id = ${userId}`).then((r) => r[0]?.n);
    expect(await count()).toBe(2);
    expect(await count()).toBe(2); // named from here on (PGlite)
    let outside: Promise<number | undefined> | undefined;
    await db
      .transaction(async (tx) => {
        await tx.insert(schema.tenantRole).values({ userId, tenantId: "hooli", role: "viewer", grantedBy: "test" });
        outside = count(); // issued while the transaction holds an uncommitted row
        for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await outside).toBe(2);
  });

  it.runIf(!serverUrl)("prepares a statement again after it failed for good (a table's columns changed)", async () => {
    const { db } = testDb.current();
    const table = sql.raw(`named_probe_${randomUUID().slice(0, 8)}`);
    await db.execute(sql`create table ${table} (a int)`);
    await db.execute(sql`insert into ${table} values (1)`);
    const all = () => queryRows<Record<string, number | null>>(db, sql`select * from ${table}`);
    for (let i = 0; i < 3; i++) expect(await all()).toEqual([{ a: 1 }]);
    await db.execute(sql`alter table ${table} add column b int`);
    // Postgres refuses a kept plan whose result columns changed; the statement must not stay broken.
    await all().catch((e: unknown) => expect(e).toMatchObject({ cause: { code: "0A000" } }));
    expect(await all()).toEqual([{ a: 1, b: null }]);
    expect(await all()).toEqual([{ a: 1, b: null }]);
  });
});
