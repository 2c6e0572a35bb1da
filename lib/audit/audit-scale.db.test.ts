import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rewriteAsOwner } from "@/tests/support/audit-tamper";
import { intentFor } from "@/tests/support/audit-fixtures";
import { asSuperuserBypassingTriggers, dbKind, withTestDb } from "@/tests/support/test-db";
import type { AuditFilters } from "@/lib/schemas/audit";
import { generateAuditRows } from "./generate";
import { iterateAudit, listAudit, recordMarkIntent, takeCheckpoints, verifyChain, type AuditEntry } from "./index";

const testDb = withTestDb();
const db = () => testDb.current().db;
const CLI = { userId: null, username: "cli:test", role: null };

/** What a filter must return: the same test applied to every row, newest first. */
async function everyEntry(tenant: string): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for await (const page of iterateAudit(tenant, {}, 1000)) all.push(...page);
  return all;
}

/** Pages of `size` through listAudit's cursors, as ids. */
async function pagedIds(tenant: string, filters: AuditFilters, size: number): Promise<string[]> {
  const ids: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listAudit(tenant, filters, { before }, size);
    ids.push(...page.entries.map((e) => e.id));
    if (page.olderCursor === null) return ids;
    before = page.olderCursor;
  }
}

const dayOffset = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe(`a generated audit log (${dbKind})`, () => {
  let all: AuditEntry[] = [];
  beforeAll(async () => {
    await generateAuditRows(db(), "gen", { rows: 3000, days: 1000, batch: 500 });
    all = await everyEntry("gen");
  }, 120_000);

  it("is a chain verify accepts, its outcomes linked to their intents", async () => {
    const report = await verifyChain(db(), "gen");
    expect(report).toMatchObject({ ok: true, rows: 3000, headSeq: 3000 });
    const rejected = (await listAudit("gen", { outcome: "rejected" }, {}, 50)).entries;
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((e) => e.outcome === "rejected" && e.outcomeDetail?.errorMsg === "partition locked")).toBe(true);
  });

  it("answers a date range with the rows whose time is in it, page after page", async () => {
    const ranges: AuditFilters[] = [
      { from: dayOffset(500), to: dayOffset(480) },
      { from: dayOffset(25), to: dayOffset(10) },
      { from: dayOffset(900) },
      { to: dayOffset(700) },
    ];
    for (const range of ranges) {
      const from = range.from ? Date.parse(`${range.from}T00:00:00Z`) : -Infinity;
      const to = range.to ? Date.parse(`${range.to}T00:00:00Z`) + 86_400_000 : Infinity;
      const expected = all.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) < to).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(10);
      expect(await pagedIds("gen", { ...range, tz: "UTC" }, range.from && range.to ? 7 : 500)).toEqual(expected);
    }
  });

  it("searches plan names (a few names merged, many at once, any case) with the rows a substring match gives", async () => {
    for (const text of ["ads_search", "Refunds_Orders", "daily", "no-such-plan"]) {
      const needle = text.toLowerCase();
      const expected = all.filter((e) => e.planName?.toLowerCase().includes(needle)).map((e) => e.id);
      expect(await pagedIds("gen", { plan: text }, text === "daily" ? 50 : 4)).toEqual(expected);
    }
    const uuid = all.find((e) => e.planUuid)!.planUuid!;
    expect(await pagedIds("gen", { plan: uuid }, 4)).toEqual(all.filter((e) => e.planUuid === uuid).map((e) => e.id));
  });

  it("finds a plan name first written after an earlier search", async () => {
    expect((await listAudit("gen", { plan: "zeta_fresh" }, {}, 10)).entries).toHaveLength(0);
    await recordMarkIntent(intentFor({ tenantId: "gen", planUuid: "plan-zeta", planName: "zeta_fresh_daily" }));
    expect((await listAudit("gen", { plan: "zeta_fresh" }, {}, 10)).entries.map((e) => e.planName)).toEqual(["zeta_fresh_daily"]);
  });
});

describe(`verify from the stored checkpoint onward (${dbKind})`, () => {
  /** 120 rows, a checkpoint at seq 120, then 30 more. */
  async function checkpointed(tenant: string): Promise<void> {
    await generateAuditRows(db(), tenant, { rows: 120, days: 30, seed: 7 });
    const { checkpoints, broken } = await takeCheckpoints(db(), CLI, tenant);
    expect(broken).toEqual([]);
    expect(checkpoints.map((c) => c.seq)).toEqual([120]);
    await generateAuditRows(db(), tenant, { rows: 30, days: 1, seed: 8 });
  }
  const since = (tenant: string) => verifyChain(db(), tenant, { sinceCheckpoint: true });
  const editActor = (tenant: string, seq: number) =>
    asSuperuserBypassingTriggers(db(), [sql`update audit_log set actor_username = 'mallory' where tenant_id = ${tenant} and seq = ${seq}`]);

  it("reads only the rows after it, and finds a row changed after it", async () => {
    await checkpointed("cp-after");
    expect(await since("cp-after")).toMatchObject({ ok: true, rows: 30, since: 120, headSeq: 150 });
    await editActor("cp-after", 140);
    expect(await since("cp-after")).toMatchObject({ ok: false, problem: { seq: 140, what: expect.stringContaining("does not match its hash") } });
  });

  it("finds history before it rewritten consistently (the checkpointed row's hash moved)", async () => {
    await checkpointed("cp-rewrite");
    await rewriteAsOwner(db(), "cp-rewrite", 50);
    expect(await since("cp-rewrite")).toMatchObject({ ok: false, problem: { seq: 120, what: expect.stringContaining("no longer has the hash checkpointed") } });
  });

  it("finds a row before it deleted, by count", async () => {
    await checkpointed("cp-delete");
    await asSuperuserBypassingTriggers(db(), [sql`delete from audit_log where tenant_id = 'cp-delete' and seq = 60`]);
    expect(await since("cp-delete")).toMatchObject({
      ok: false,
      problem: { what: expect.stringContaining("1 row(s) before the checkpoint at seq 120 are missing") },
    });
  });

  it("does not see a lone edit of a row before it: that is the full verify's job (its stated scope)", async () => {
    await checkpointed("cp-before");
    await editActor("cp-before", 60);
    expect(await since("cp-before")).toMatchObject({ ok: true, since: 120 });
    expect(await verifyChain(db(), "cp-before")).toMatchObject({ ok: false, problem: { seq: 60 } });
  });

  it("refuses a stored checkpoint whose signature does not hold", async () => {
    await checkpointed("cp-forged");
    await db().execute(sql`update audit_checkpoint set seq = 150, hash = ${"0".repeat(64)} where tenant_id = 'cp-forged'`);
    expect(await since("cp-forged")).toMatchObject({ ok: false, problem: { seq: 150, what: expect.stringContaining("refused") } });
  });
});
