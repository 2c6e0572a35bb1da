import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordMarkIntent, recordMarkOutcome, verifyChain } from "@/lib/audit";
import { openPostgres } from "@/lib/db";
import { auditLog, planListingSnapshot } from "@/lib/db/schema";
import type { StatusRun } from "@/lib/partitions";
import { intentFor } from "@/tests/support/audit-fixtures";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { observeListing, type ListingRead } from "./listing-observer";

const testDb = withTestDb();

const JAN: StatusRun[] = [["2026-01-01", "2026-01-10", "success"]];
const JAN_PLUS: StatusRun[] = [["2026-01-01", "2026-01-12", "success"]];

/** A fresh tenant and plan per test; `at(n)` gives the n-th read's start, a minute apart. */
function plan() {
  const tenantId = `t-${randomUUID().slice(0, 8)}`;
  const planUuid = randomUUID().replace(/-/g, "");
  const base = Date.UTC(2026, 0, 13, 10, 0, 0);
  const at = (n: number) => new Date(base + n * 60_000);
  const read = (n: number, runs: StatusRun[], throughSeq = 0): ListingRead => ({
    tenantId,
    planUuid,
    planName: "orders_daily",
    granularity: "DAY",
    runs,
    throughSeq,
    startedAt: at(n),
    finishedAt: new Date(at(n).getTime() + 500),
  });
  const events = () =>
    testDb
      .current()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "partition.observed")))
      .orderBy(auditLog.seq);
  return { tenantId, planUuid, at, read, events };
}

describe(`changes seen from outside the console (${dbKind})`, () => {
  it("records one observed event for a change between two reads: outside actor, interval, ranges before → after", async () => {
    const p = plan();
    expect(await observeListing(p.read(0, JAN))).toEqual([]); // first read: nothing to compare
    expect(await observeListing(p.read(1, JAN))).toEqual([]);
    const seen = await observeListing(p.read(2, JAN_PLUS));
    expect(seen).toHaveLength(1);
    expect(await observeListing(p.read(3, JAN_PLUS))).toEqual([]);

    const rows = await p.events();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      actorUserId: null,
      actorUsername: "outside the console",
      actorRole: null,
      phase: "event",
      planUuid: p.planUuid,
      partitionCount: 2,
    });
    expect(row.ranges).toEqual([{ start: "2026-01-11", end: "2026-01-12", before: "missing", after: "success" }]);
    expect(row.details).toEqual({ interval: { from: p.at(1).toISOString(), to: new Date(p.at(2).getTime() + 500).toISOString() } });
    expect(seen[0]).toMatchObject({ eventId: row.id, start: "2026-01-11", end: "2026-01-12" });
    expect((await verifyChain(testDb.current().db, p.tenantId)).ok).toBe(true);
  });

  it("does not report keys a console mark recorded between the reads changed; a rejected mark explains nothing", async () => {
    const p = plan();
    await observeListing(p.read(0, JAN));
    const markOk = intentFor({ tenantId: p.tenantId, planUuid: p.planUuid, ranges: [{ start: "2026-01-11", end: "2026-01-11", status: "success" }] });
    const { intentId } = await recordMarkIntent(markOk);
    await recordMarkOutcome(intentId, markOk, { outcome: "ok" });
    const markRejected = intentFor({ tenantId: p.tenantId, planUuid: p.planUuid, ranges: [{ start: "2026-01-12", end: "2026-01-12", status: "success" }] });
    const rejected = await recordMarkIntent(markRejected);
    await recordMarkOutcome(rejected.intentId, markRejected, { outcome: "rejected", errorMsg: "no" });

    await observeListing(p.read(1, JAN_PLUS));
    const rows = await p.events();
    expect(rows.map((r) => r.ranges)).toEqual([[{ start: "2026-01-12", end: "2026-01-12", before: "missing", after: "success" }]]);
  });

  it("a console mark recorded before the previous read does not explain a later change", async () => {
    const p = plan();
    const mark = intentFor({ tenantId: p.tenantId, planUuid: p.planUuid, ranges: [{ start: "2026-01-11", end: "2026-01-12", status: "success" }] });
    const { intentId } = await recordMarkIntent(mark);
    await recordMarkOutcome(intentId, mark, { outcome: "ok" });
    const [head] = await testDb.current().db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.id, intentId));
    await observeListing(p.read(0, JAN, head!.seq + 1)); // the previous read already took the mark in
    await observeListing(p.read(1, JAN_PLUS, head!.seq + 1));
    expect(await p.events()).toHaveLength(1);
  });

  it("two instances reading the same change at once record it once, and an older read never moves the snapshot back", async () => {
    const p = plan();
    const { db, url } = testDb.current();
    await observeListing(p.read(0, JAN));
    // On a server: separate pools, as separate app instances have. PGlite is one connection.
    const extra = url ? await Promise.all([1, 2, 3].map(() => openPostgres(url, 2))) : [];
    const instances = [db, ...extra.map((h) => h.db)];
    try {
      const reads = Array.from({ length: 8 }, (_, i) => observeListing(p.read(1 + (i % 4) * 0.01, JAN_PLUS), instances[i % instances.length]));
      const results = await Promise.all(reads);
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(extra.map((h) => h.close()));
    }
    expect(await p.events()).toHaveLength(1);

    await observeListing(p.read(0.5, JAN)); // a read that began before the stored one and ended late
    const [snap] = await db.select().from(planListingSnapshot).where(eq(planListingSnapshot.planUuid, p.planUuid));
    expect(snap!.runs).toEqual(JAN_PLUS);
    expect(await p.events()).toHaveLength(1);
  });
});
