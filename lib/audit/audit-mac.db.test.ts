import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rewriteAsOwner as rewriteChainAsOwner, rowsOf as rowsOfChain } from "@/tests/support/audit-tamper";
import { asSuperuserBypassingTriggers, dbKind, withTestDb } from "@/tests/support/test-db";
import { auditChainHead } from "@/lib/db/schema";
import { appendAuditRow } from "./chain";
import { eventContent } from "./event-content";
import { readCheckpoints } from "./checkpoint";
import { deriveAuditKey, resolveAuditKey } from "./mac";
import { sealLegacyChains, takeCheckpoints } from "./anchor";
import { verifyChain } from "./verify";

// What someone holding the database's owner login can do (triggers off, any SQL), against what the
// audit key, which the database does not hold, still catches (docs/decisions/0010-audit-keyed-chain.md).
const testDb = withTestDb();
const actor = { userId: null, username: "cli:test", role: null };

async function seedChain(n: number): Promise<string> {
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  for (let i = 0; i < n; i++) {
    await appendAuditRow(testDb.current().db, tenant, eventContent("test.event", { userId: "u1", username: "operator", role: "operator" }, { i }));
  }
  return tenant;
}

const rowsOf = (tenant: string) => rowsOfChain(testDb.current().db, tenant);
const rewriteAsOwner = (tenant: string, seq: number, opts: { stripMacs?: boolean } = {}) => rewriteChainAsOwner(testDb.current().db, tenant, seq, opts);

describe(`audit MACs and checkpoints (${dbKind})`, () => {
  it("every appended row carries a MAC, and the chain verifies", async () => {
    const tenant = await seedChain(3);
    expect((await rowsOf(tenant)).every((r) => /^[0-9a-f]{64}$/.test(r.mac ?? ""))).toBe(true);
    expect(await verifyChain(testDb.current().db, tenant)).toMatchObject({ ok: true, rows: 3 });
  });

  for (const seq of [1, 3, 5]) {
    it(`row ${seq} rewritten by the database owner behind the trigger, with every hash and the head recomputed, is named through its MAC`, async () => {
      const tenant = await seedChain(5);
      await rewriteAsOwner(tenant, seq);
      const report = await verifyChain(testDb.current().db, tenant);
      expect(report.ok).toBe(false);
      expect(report.problem).toMatchObject({ seq, what: expect.stringContaining("MAC does not match") });
    });
  }

  it("the same rewrite with every MAC stripped is refused: the newest row carries none", async () => {
    const tenant = await seedChain(4);
    await rewriteAsOwner(tenant, 2, { stripMacs: true });
    const report = await verifyChain(testDb.current().db, tenant);
    expect(report.ok).toBe(false);
    expect(report.problem?.what).toContain("newest row carries no MAC");
  });

  it("a MAC removed from a row after MACs began is named", async () => {
    const tenant = await seedChain(4);
    await asSuperuserBypassingTriggers(testDb.current().db, [sql`update audit_log set mac = null where tenant_id = ${tenant} and seq = 3`]);
    expect((await verifyChain(testDb.current().db, tenant)).problem).toMatchObject({
      seq: 3,
      what: expect.stringContaining("carries no MAC though an earlier row does"),
    });
  });

  it("under another audit key every MAC fails: the key, not the database, vouches for the chain", async () => {
    const tenant = await seedChain(2);
    const other = deriveAuditKey("another-audit-key-of-32-characters-or-more", "AUDIT_KEY");
    expect((await verifyChain(testDb.current().db, tenant, { key: other })).problem?.what).toContain("MAC does not match");
  });

  it("rows written before MACs still verify once the chain is sealed by one MAC'd row", async () => {
    const tenant = await seedChain(3);
    // As a chain written by the previous version looks: no MACs at all.
    await asSuperuserBypassingTriggers(testDb.current().db, [sql`update audit_log set mac = null where tenant_id = ${tenant}`]);
    const before = await verifyChain(testDb.current().db, tenant);
    expect(before.problem).toMatchObject({ seq: 3, unsealed: true });
    const { sealed } = await sealLegacyChains(testDb.current().db, actor);
    expect(sealed).toContain(tenant);
    expect(await verifyChain(testDb.current().db, tenant)).toMatchObject({ ok: true, rows: 4 });
    const rows = await rowsOf(tenant);
    expect(rows[3]).toMatchObject({ action: "audit.mac_start", actorUsername: "cli:test", details: { legacyThroughSeq: 3 } });
    expect((await sealLegacyChains(testDb.current().db, actor)).sealed).not.toContain(tenant);
    // The seal covers the legacy rows: rewriting one of them is caught at the sealing row's MAC.
    await rewriteAsOwner(tenant, 2);
    expect((await verifyChain(testDb.current().db, tenant)).problem).toMatchObject({ seq: 4, what: expect.stringContaining("MAC does not match") });
  });

  it("a legacy chain that does not verify is not sealed", async () => {
    const tenant = await seedChain(3);
    await asSuperuserBypassingTriggers(testDb.current().db, [
      sql`update audit_log set mac = null where tenant_id = ${tenant}`,
      sql`update audit_log set actor_username = 'x' where tenant_id = ${tenant} and seq = 1`,
    ]);
    const { sealed, broken } = await sealLegacyChains(testDb.current().db, actor);
    expect(sealed).not.toContain(tenant);
    expect(broken.find((b) => b.tenantId === tenant)?.problem?.seq).toBe(1);
  });

  it("checkpoints prove the log still extends them, and catch a rollback the chain alone cannot see", async () => {
    const db = testDb.current().db;
    const tenant = await seedChain(4);
    const { checkpoints } = await takeCheckpoints(db, actor, tenant);
    expect(checkpoints).toHaveLength(1);
    expect(checkpoints[0]).toMatchObject({ tenantId: tenant, seq: 4 });
    const key = await resolveAuditKey(db);
    const file = readCheckpoints(key, checkpoints.map((c) => JSON.stringify(c)).join("\n"));
    if (!file.ok) throw new Error(file.why);
    await seedChainRows(tenant, 2);
    expect(await verifyChain(db, tenant, { checkpoints: file.checkpoints })).toMatchObject({ ok: true, rows: 6 });

    // Roll back to seq 3: delete rows 4..6 and point the head at row 3. Every MAC left is genuine.
    const rows = await rowsOf(tenant);
    await asSuperuserBypassingTriggers(db, [
      sql`delete from audit_log where tenant_id = ${tenant} and seq >= 4`,
      sql`update audit_chain_head set seq = 3, hash = ${rows[2]!.hash} where tenant_id = ${tenant}`,
    ]);
    expect((await verifyChain(db, tenant)).ok).toBe(true);
    const report = await verifyChain(db, tenant, { checkpoints: file.checkpoints });
    expect(report.ok).toBe(false);
    expect(report.problem?.what).toContain("chain ends at seq 3: rows were deleted");
  });

  it("a chain that no longer exists is still checked against its checkpoint", async () => {
    const db = testDb.current().db;
    const tenant = await seedChain(2);
    const { checkpoints } = await takeCheckpoints(db, actor, tenant);
    await asSuperuserBypassingTriggers(db, [sql`delete from audit_log where tenant_id = ${tenant}`]);
    await db.delete(auditChainHead).where(eq(auditChainHead.tenantId, tenant));
    expect((await verifyChain(db, tenant, { checkpoints })).problem?.what).toContain("chain ends at seq 0");
  });

  it("an edited checkpoint file is refused, line by line", async () => {
    const db = testDb.current().db;
    const key = await resolveAuditKey(db);
    const tenant = await seedChain(2);
    const { checkpoints } = await takeCheckpoints(db, actor, tenant);
    const line = JSON.stringify(checkpoints[0]);
    const good = JSON.parse(line) as Record<string, unknown>;
    const edits: [string, string, string][] = [
      ["an earlier seq", JSON.stringify({ ...good, seq: 1 }), "signature does not match"],
      ["another hash", JSON.stringify({ ...good, hash: "a".repeat(64) }), "signature does not match"],
      ["another time", JSON.stringify({ ...good, at: "2020-01-01T00:00:00.000Z" }), "signature does not match"],
      ["another tenant", JSON.stringify({ ...good, tenantId: "globex" }), "signature does not match"],
      ["another key id", JSON.stringify({ ...good, keyId: "0".repeat(16) }), "another audit key"],
      ["an extra field", JSON.stringify({ ...good, note: "x" }), "not a checkpoint"],
      ["not JSON", line.slice(0, -2), "not JSON"],
    ];
    expect(readCheckpoints(key, `${line}\n\n${line}\n`)).toMatchObject({ ok: true });
    for (const [what, edited, why] of edits) {
      expect(readCheckpoints(key, `${line}\n${edited}\n`), what).toEqual({ ok: false, line: 2, why: expect.stringContaining(why) });
    }
    const other = deriveAuditKey("another-audit-key-of-32-characters-or-more", "AUDIT_KEY");
    expect(readCheckpoints(other, line)).toMatchObject({ ok: false, line: 1, why: expect.stringContaining("another audit key") });
  });
});

async function seedChainRows(tenant: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendAuditRow(testDb.current().db, tenant, eventContent("test.event", { userId: null, username: "later", role: null }, null));
  }
}
