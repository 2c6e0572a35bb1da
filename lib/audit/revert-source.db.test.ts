import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordMarkIntent, recordMarkOutcome, verifyChain } from "@/lib/audit";
import { recordedBeforeOf } from "@/lib/marks/before-runs";
import { intentFor } from "@/tests/support/audit-fixtures";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { appendObservedChange } from "./observed";
import { listAuditForPlan, revertLinksFor } from "./query";
import { changesAfter, readMarkToRevert, revertsOf } from "./revert-source";

const testDb = withTestDb();

const RUNS = [
  ["2023-03-01", "2023-03-01", "success"],
  ["2023-03-02", "2023-03-02", "failed"],
  ["2023-03-03", "2023-03-03", "cleared"],
  ["2023-03-04", "2023-03-04", "missing"],
] as const;

function plan() {
  const tenantId = `t-${randomUUID().slice(0, 8)}`;
  const planUuid = randomUUID().replace(/-/g, "");
  const mark = (over: Parameters<typeof intentFor>[0] = {}) =>
    intentFor({
      tenantId,
      planUuid,
      action: "partition.mark_failed",
      ranges: [{ start: "2023-03-01", end: "2023-03-04", status: "failed" }],
      partitionCount: 4,
      statusesBefore: { success: 1, failed: 1, cleared: 1, missing: 1 },
      before: { known: true, runs: RUNS.map((r) => [...r]) },
      ...over,
    });
  const record = async (over: Parameters<typeof intentFor>[0] = {}, outcome: "ok" | "rejected" | null = "ok") => {
    const intent = mark(over);
    const { intentId } = await recordMarkIntent(intent);
    if (outcome === "ok") await recordMarkOutcome(intentId, intent, { outcome: "ok" });
    if (outcome === "rejected") await recordMarkOutcome(intentId, intent, { outcome: "rejected", errorMsg: "no" });
    return intentId;
  };
  return { tenantId, planUuid, record };
}

describe(`reverting marks: what the audit log keeps and links (${dbKind})`, () => {
  it("keeps each partition's prior status as runs in the intent row, and the chain still verifies", async () => {
    const p = plan();
    const id = await p.record();
    const row = await readMarkToRevert(p.tenantId, id);
    expect(row?.outcome).toBe("ok");
    expect(recordedBeforeOf(row?.details)).toEqual({ known: true, runs: RUNS.map((r) => [...r]) });
    // A row written before runs were kept: still verifies, offers no revert, and says why.
    const old = await p.record({ before: undefined });
    expect(recordedBeforeOf((await readMarkToRevert(p.tenantId, old))?.details)).toBeNull();
    const history = await listAuditForPlan(p.tenantId, p.planUuid);
    expect(history.find((e) => e.id === old)?.revert.state).toBe("no-before");
    expect(history.find((e) => e.id === id)?.revert.state).toBe("revertible");
    const report = await verifyChain(testDb.current().db, p.tenantId);
    expect(report.ok, JSON.stringify(report.problem)).toBe(true);
  });

  it("links a revert to the mark it reverts, both ways, and a revert can itself be reverted", async () => {
    const p = plan();
    const original = await p.record();
    const revert = await p.record({ action: "partition.mark", revertOf: original });
    const again = await p.record({ action: "partition.clear", revertOf: revert });
    // A revert CAN refused reverted nothing: it is not listed as one.
    await p.record({ action: "partition.mark", revertOf: original }, "rejected");
    const links = await revertsOf(p.tenantId, [original, revert, again]);
    expect(links.get(original)?.map((l) => l.id)).toEqual([revert]);
    expect(links.get(revert)?.map((l) => l.id)).toEqual([again]);
    expect(links.get(again)).toBeUndefined();
    const history = await listAuditForPlan(p.tenantId, p.planUuid);
    const byId = new Map(history.map((e) => [e.id, e.revert]));
    expect(byId.get(original)?.by.map((b) => b.id)).toEqual([revert]);
    expect(byId.get(revert)?.of?.id).toBe(original);
    expect(byId.get(revert)?.state).toBe("revertible");
    expect(byId.get(again)?.of?.id).toBe(revert);
    // Another tenant's rows never link, even naming the same id.
    const other = plan();
    await other.record({ revertOf: original });
    expect(
      (
        await revertLinksFor(
          p.tenantId,
          history.map((e) => ({ ...e, details: null })),
        )
      ).get(original)?.by,
    ).toHaveLength(1);
    expect((await verifyChain(testDb.current().db, p.tenantId)).ok).toBe(true);
  });

  it("finds the plan's marks and outside changes recorded after a mark; refused marks changed nothing", async () => {
    const p = plan();
    const original = await p.record();
    const row = await readMarkToRevert(p.tenantId, original);
    await p.record({ ranges: [{ start: "2023-03-02", end: "2023-03-02", status: "success" }] }, "rejected");
    const later = await p.record({
      actor: { userId: "u-admin", username: "admin", tenantId: p.tenantId, role: "admin" },
      ranges: [{ start: "2023-03-03", end: "2023-03-03" }],
    });
    const inFlight = await p.record({ ranges: [{ start: "2023-03-04", end: "2023-03-04" }] }, null);
    await appendObservedChange(testDb.current().db, {
      tenantId: p.tenantId,
      planUuid: p.planUuid,
      planName: "orders_daily",
      granularity: "DAY",
      changes: [{ start: "2023-03-01", end: "2023-03-01", before: "failed", after: "success" }],
      partitionCount: 1,
      interval: { from: "2026-12-01T00:00:00.000Z", to: "2026-12-01T00:01:00.000Z" },
    });
    const after = await changesAfter(p.tenantId, p.planUuid, row?.seq ?? 0);
    expect(after.marks.map((m) => [m.intentId, m.actor, m.ranges])).toEqual([
      [later, "admin", [{ start: "2023-03-03", end: "2023-03-03" }]],
      [inFlight, "operator", [{ start: "2023-03-04", end: "2023-03-04" }]],
    ]);
    expect(after.outside.map((o) => o.ranges)).toEqual([[{ start: "2023-03-01", end: "2023-03-01" }]]);
    // Nothing before the original counts.
    expect((await changesAfter(p.tenantId, p.planUuid, Number.MAX_SAFE_INTEGER)).marks).toEqual([]);
  });

  it("reads only this tenant's partition marks", async () => {
    const p = plan();
    const id = await p.record();
    expect(await readMarkToRevert("someone-else", id)).toBeNull();
    expect(await readMarkToRevert(p.tenantId, randomUUID())).toBeNull();
  });
});
