import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { asSuperuserBypassingTriggers, dbKind, withTestDb } from "@/tests/support/test-db";
import { intentFor } from "@/tests/support/audit-fixtures";
import { openPostgres } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import { appendChained, readHead } from "./append-statement";
import { appendAuditRow, hashRow } from "./chain";
import { eventContent } from "./event-content";
import { resolveAuditKey, rowMac } from "./mac";
import { recordAuthEvent, recordMarkIntent, recordMarkOutcome, verifyChain } from "./index";
import { GLOBAL_CHAIN } from "./types";

const testDb = withTestDb();

const testEvent = (actorUsername: string, details: Record<string, unknown>) =>
  eventContent("test.append", { userId: null, username: actorUsername, role: null }, details);

/** A fresh tenant chain of `n` rows (intents, outcomes and events mixed), so tests do not interfere. */
async function seedChain(n: number): Promise<{ tenant: string; ids: string[] }> {
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  while (ids.length < n) {
    const intent = intentFor({ tenantId: tenant });
    const { intentId } = await recordMarkIntent(intent);
    ids.push(intentId);
    if (ids.length < n) {
      await recordMarkOutcome(
        intentId,
        intent,
        ids.length % 3 === 0 ? { outcome: "rejected", code: "500", errorMsg: "maintenance", traceId: "tr-1" } : { outcome: "ok" },
      );
      const [o] = await testDb.current().db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.intentId, intentId));
      ids.push(o!.id);
    }
  }
  return { tenant, ids };
}

describe(`audit chain (${dbKind})`, () => {
  it("appends rows with consecutive seq, each linked to the previous hash, and verifies", async () => {
    const { tenant } = await seedChain(7);
    const rows = await testDb.current().db.select().from(auditLog).where(eq(auditLog.tenantId, tenant)).orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]!.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const report = await verifyChain(testDb.current().db, tenant);
    expect(report).toMatchObject({ ok: true, rows: 7, headSeq: 7, headHash: rows[6]!.hash });
  });

  it("keeps the exact CAN request body and never a tenant credential", async () => {
    const intent = intentFor({ canRequest: { endpoint: "updatePartition", body: { uuid: "p", z: 1, a: "sk-sandbox-acme-7d41c9e2b8" } } });
    const { intentId } = await recordMarkIntent(intent);
    const [row] = await testDb.current().db.select().from(auditLog).where(eq(auditLog.id, intentId));
    expect(row!.canRequest).toBe('{"uuid":"p","z":1,"a":"[redacted]"}');
  });

  it("the trigger refuses UPDATE, DELETE and TRUNCATE from the application", async () => {
    const { tenant, ids } = await seedChain(2);
    const db = testDb.current().db;
    await expect(db.update(auditLog).set({ actorUsername: "mallory" }).where(eq(auditLog.id, ids[0]!))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.id, ids[0]!))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await verifyChain(db, tenant)).ok).toBe(true);
  });

  const edits: [string, ReturnType<typeof sql>][] = [
    ["actor", sql`actor_username = 'mallory'`],
    ["outcome", sql`outcome = case when outcome = 'unknown' then 'ok' else 'unknown' end`],
    ["ranges", sql`ranges = '[{"start":"2026-01-01","end":"2026-12-31"}]'::jsonb`],
    ["time", sql`at = at - interval '1 day'`],
    ["request body", sql`can_request = '{}'`],
    ["ip", sql`ip = '203.0.113.66'`],
  ];
  for (const position of ["first", "middle", "last"] as const) {
    for (const [what, assignment] of edits) {
      it(`an edit of the ${what} of the ${position} row, done by a superuser behind the trigger, is named by verify`, async () => {
        const { tenant, ids } = await seedChain(6);
        const victim = position === "first" ? ids[0]! : position === "middle" ? ids[3]! : ids[5]!;
        await asSuperuserBypassingTriggers(testDb.current().db, [sql`update audit_log set ${assignment} where id = ${victim}`]);
        const report = await verifyChain(testDb.current().db, tenant);
        expect(report.ok).toBe(false);
        expect(report.problem?.id).toBe(victim);
        expect(report.problem?.what).toContain("does not match its hash");
      });
    }

    it(`deleting the ${position} row is named by verify`, async () => {
      const { tenant, ids } = await seedChain(6);
      const victimIndex = position === "first" ? 0 : position === "middle" ? 3 : 5;
      await asSuperuserBypassingTriggers(testDb.current().db, [sql`delete from audit_log where id = ${ids[victimIndex]!}`]);
      const report = await verifyChain(testDb.current().db, tenant);
      expect(report.ok).toBe(false);
      if (position === "last") {
        expect(report.problem?.seq).toBe(6);
        expect(report.problem?.what).toContain("rows 6..6 were deleted");
      } else {
        expect(report.problem?.seq).toBe(victimIndex + 2);
        expect(report.problem?.id).toBe(ids[victimIndex + 1]);
        expect(report.problem?.what).toContain(`row seq ${victimIndex + 1} is missing`);
      }
    });
  }

  it("a row rewritten with a recomputed hash is caught at the next row's link", async () => {
    const { tenant, ids } = await seedChain(4);
    await asSuperuserBypassingTriggers(testDb.current().db, [sql`update audit_log set hash = ${"f".repeat(64)} where id = ${ids[1]!}`]);
    const report = await verifyChain(testDb.current().db, tenant);
    expect(report.problem?.id).toBe(ids[1]);
    await asSuperuserBypassingTriggers(testDb.current().db, [sql`update audit_log set actor_username = 'x' where id = ${ids[0]!}`]);
    expect((await verifyChain(testDb.current().db, tenant)).problem?.id).toBe(ids[0]);
  });

  it("rows of different tenants form separate chains; auth events go to the global chain", async () => {
    const a = await seedChain(3);
    const b = await seedChain(2);
    await recordAuthEvent({ action: "auth.sign_in", userId: "u1", username: "admin", meta: { ip: null, userAgent: "ua", requestId: "r" } });
    const db = testDb.current().db;
    expect((await verifyChain(db, a.tenant)).rows).toBe(3);
    expect((await verifyChain(db, b.tenant)).rows).toBe(2);
    const global = await verifyChain(db, GLOBAL_CHAIN);
    expect(global.ok).toBe(true);
    expect(global.rows).toBeGreaterThanOrEqual(1);
  });

  it("concurrent appends from several connections leave one unbroken chain", async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const { db, url } = testDb.current();
    // On a server: four separate pools (separate connections, as separate app instances would
    // have). PGlite is one connection per process: there the appends interleave on it.
    const extra = url ? await Promise.all([1, 2, 3].map(() => openPostgres(url, 4))) : [];
    const writers = [db, ...extra.map((h) => h.db)];
    try {
      await Promise.all(Array.from({ length: 60 }, (_, i) => appendAuditRow(writers[i % writers.length]!, tenant, testEvent(`w${i % writers.length}`, { i }))));
    } finally {
      await Promise.all(extra.map((h) => h.close()));
    }
    const rows = await db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.tenantId, tenant)).orderBy(auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await verifyChain(db, tenant)).toMatchObject({ ok: true, rows: 60, headSeq: 60 });
  });

  it("a refused row among concurrent appends fails alone; the rows queued with it land", async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const intent = intentFor({ tenantId: tenant });
    const { intentId } = await recordMarkIntent(intent);
    await recordMarkOutcome(intentId, intent, { outcome: "ok" });
    const event = (i: number) => appendAuditRow(testDb.current().db, tenant, testEvent(`w${i}`, { i }));
    const results = await Promise.allSettled([event(1), recordMarkOutcome(intentId, intent, { outcome: "ok" }), event(2), event(3)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(await verifyChain(testDb.current().db, tenant)).toMatchObject({ ok: true, rows: 5, headSeq: 5 });
  });

  it("a head moved by another writer (another instance) is read again and the rows chained onto it", async () => {
    const tenant = `t-${randomUUID().slice(0, 8)}`;
    const db = testDb.current().db;
    await appendAuditRow(db, tenant, testEvent("this", { n: 1 }));
    // Behind this process's back, as another instance would: one row straight onto the stored head.
    const head = await readHead(db, tenant, { seq: 0, hash: "0".repeat(64) });
    const key = await resolveAuditKey(db);
    const base = { ...testEvent("other", { n: 2 }), id: randomUUID(), tenantId: tenant, seq: head.seq + 1, at: new Date(), prevHash: head.hash };
    const hash = hashRow(base);
    expect(await appendChained(db, tenant, head, [{ ...base, hash, mac: rowMac(key, { tenantId: tenant, seq: base.seq, hash }) }])).toBe(true);
    // A writer holding an old head changes nothing.
    expect(await appendChained(db, tenant, head, [{ ...base, id: randomUUID(), hash, mac: null }])).toBe(false);
    const third = await appendAuditRow(db, tenant, testEvent("this", { n: 3 }));
    expect(third.seq).toBe(3);
    expect(await verifyChain(db, tenant)).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
  });

  it("refuses a second outcome for one intent", async () => {
    const intent = intentFor();
    const { intentId } = await recordMarkIntent(intent);
    await recordMarkOutcome(intentId, intent, { outcome: "ok" });
    await expect(recordMarkOutcome(intentId, intent, { outcome: "ok" })).rejects.toThrow();
    expect((await verifyChain(testDb.current().db, "acme")).ok).toBe(true);
  });

  it("a missing chain head is reported", async () => {
    const { tenant } = await seedChain(2);
    await testDb.current().db.delete(auditChainHead).where(eq(auditChainHead.tenantId, tenant));
    const report = await verifyChain(testDb.current().db, tenant);
    expect(report.ok).toBe(false);
    expect(report.problem?.what).toContain("head is missing");
  });
});
