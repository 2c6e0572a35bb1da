import { describe, expect, it } from "vitest";
import { intentFor } from "@/tests/support/audit-fixtures";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import {
  iterateAudit,
  lastMarksForPlan,
  listAudit,
  planMarksThrough,
  readPlanMarks,
  recordAdminEvent,
  recordMarkIntent,
  recordMarkOutcome,
  type MarkIntent,
  type MarkOutcome,
} from "./index";

withTestDb();

async function mark(intent: MarkIntent, outcome?: MarkOutcome): Promise<string> {
  const { intentId } = await recordMarkIntent(intent);
  if (outcome) await recordMarkOutcome(intentId, intent, outcome);
  return intentId;
}

describe(`last marks per partition (${dbKind})`, () => {
  it("applies ok and unknown marks in order, skips rejected and error ones", async () => {
    const base = { tenantId: "acme", planUuid: "p-last", granularity: "DAY" } as const;
    await mark(intentFor({ ...base, action: "partition.mark_success", ranges: [{ start: "2026-01-01", end: "2026-01-05", status: "success" }] }), {
      outcome: "ok",
    });
    await mark(intentFor({ ...base, action: "partition.mark_failed", ranges: [{ start: "2026-01-04", end: "2026-01-06", status: "failed" }] }), {
      outcome: "rejected",
      errorMsg: "no",
    });
    await mark(intentFor({ ...base, action: "partition.clear", ranges: [{ start: "2026-01-02", end: "2026-01-02" }] }), { outcome: "ok" });
    await mark(intentFor({ ...base, action: "partition.mark_failed", ranges: [{ start: "2026-01-05", end: "2026-01-05", status: "failed" }] }), {
      outcome: "unknown",
      reason: "timeout",
    });
    await mark(
      intentFor({
        ...base,
        action: "partition.mark",
        ranges: [
          { start: "2026-01-09", end: "2026-01-09", status: "success" },
          { start: "2026-01-10", end: "2026-01-10", status: "failed" },
        ],
      }),
    );
    await mark(intentFor({ ...base, action: "partition.mark_success", ranges: [{ start: "2026-01-20", end: "2026-01-20", status: "success" }] }), {
      outcome: "error",
      kind: "network",
      errorMsg: "ECONNREFUSED",
    });
    await mark(intentFor({ ...base, planUuid: "other-plan", ranges: [{ start: "2026-01-01", end: "2026-01-31", status: "success" }] }), { outcome: "ok" });
    await mark(intentFor({ ...base, tenantId: "globex", ranges: [{ start: "2026-01-01", end: "2026-01-31", status: "success" }] }), { outcome: "ok" });

    const marks = await lastMarksForPlan("acme", "p-last");
    expect(marks.map((m) => `${m.key} ${m.status} ${m.outcome}`)).toEqual([
      "2026-01-01 success ok",
      "2026-01-02 cleared ok",
      "2026-01-03 success ok",
      "2026-01-04 success ok",
      "2026-01-05 failed unknown",
      "2026-01-09 success unknown",
      "2026-01-10 failed unknown",
    ]);
    expect(marks[0]!.actor).toBe("operator");
    expect(Date.parse(marks[0]!.at)).not.toBeNaN();
  });

  it("the marks read carry the audit position a later mark of the plan moves past, and no other row does", async () => {
    const base = { tenantId: "acme", planUuid: "p-through", granularity: "DAY" } as const;
    expect(await planMarksThrough("acme", "p-through")).toBe(0);
    const first = intentFor({ ...base, ranges: [{ start: "2026-02-01", end: "2026-02-01", status: "success" }] });
    const { intentId } = await recordMarkIntent(first);
    const read = await readPlanMarks("acme", "p-through");
    expect(read.throughSeq).toBeGreaterThan(0);
    expect(await planMarksThrough("acme", "p-through")).toBe(read.throughSeq);

    // Another plan's mark, another tenant's, an admin event: the plan's position stays.
    await mark(intentFor({ ...base, planUuid: "p-other", ranges: [{ start: "2026-02-01", end: "2026-02-01", status: "success" }] }), { outcome: "ok" });
    await mark(intentFor({ ...base, tenantId: "globex", ranges: [{ start: "2026-02-01", end: "2026-02-01", status: "success" }] }), { outcome: "ok" });
    await recordAdminEvent({
      actor: { userId: first.actor.userId, username: first.actor.username, role: first.actor.role },
      meta: first.meta,
      action: "role.granted",
      tenantId: "acme",
      details: { username: "x" },
    });
    expect(await planMarksThrough("acme", "p-through")).toBe(read.throughSeq);

    // The outcome of the pending intent changes what the calendar shows: the position moves, and a
    // new read reports the same position.
    await recordMarkOutcome(intentId, first, { outcome: "ok" });
    const after = await planMarksThrough("acme", "p-through");
    expect(after).toBeGreaterThan(read.throughSeq);
    expect((await readPlanMarks("acme", "p-through")).throughSeq).toBe(after);
  });

  it("MONTH keys, and a 10-year DAY plan with many marks", async () => {
    await mark(intentFor({ planUuid: "p-month", granularity: "MONTH", ranges: [{ start: "2025-11", end: "2026-02", status: "success" }] }), { outcome: "ok" });
    expect((await lastMarksForPlan("acme", "p-month")).map((m) => m.key)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);

    for (let i = 0; i < 40; i++) {
      const status = i % 2 === 0 ? "success" : "failed";
      await mark(
        intentFor({
          planUuid: "p-10y",
          action: status === "success" ? "partition.mark_success" : "partition.mark_failed",
          ranges: [{ start: "2016-01-01", end: "2025-12-31", status }],
          partitionCount: 3653,
        }),
        { outcome: "ok" },
      );
    }
    const marks = await lastMarksForPlan("acme", "p-10y");
    expect(marks).toHaveLength(3653);
    expect(new Set(marks.map((m) => m.status))).toEqual(new Set(["failed"]));
  });
});

describe(`audit listing (${dbKind})`, () => {
  it("filters by plan, actor, action, outcome and date; pages by keyset both ways", async () => {
    const t = "listing";
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const outcome: MarkOutcome | undefined =
        i % 4 === 0
          ? { outcome: "ok" }
          : i % 4 === 1
            ? { outcome: "rejected", code: "E1", errorMsg: "bad", traceId: "tr" }
            : i % 4 === 2
              ? { outcome: "error", kind: "network" }
              : undefined;
      ids.push(
        await mark(
          intentFor({
            tenantId: t,
            planUuid: i < 6 ? "plan-a" : "plan-b",
            planName: i < 6 ? "alpha_daily" : "beta_daily",
            actor: { userId: "u", username: i % 2 ? "alice" : "bob", tenantId: t, role: "operator" },
            action: i % 3 === 0 ? "partition.clear" : "partition.mark_success",
          }),
          outcome,
        ),
      );
    }
    await recordAdminEvent({
      action: "role.grant",
      tenantId: t,
      actor: { userId: null, username: "cli:root", role: null },
      meta: null,
      details: { user: "alice", role: "viewer" },
    });

    const all = await listAudit(t, {}, {}, 100);
    expect(all.entries).toHaveLength(13); // 12 intents (outcomes merged in) + 1 event
    expect(all.entries[0]!.action).toBe("role.grant");
    expect(all.entries[0]!.outcome).toBeNull();
    expect(all.entries.at(-1)!.id).toBe(ids[0]);

    expect((await listAudit(t, { plan: "plan-a" }, {}, 100)).entries).toHaveLength(6);
    expect((await listAudit(t, { plan: "BETA" }, {}, 100)).entries).toHaveLength(6);
    expect((await listAudit(t, { plan: "%" }, {}, 100)).entries).toHaveLength(0);
    expect((await listAudit(t, { actor: "alice" }, {}, 100)).entries).toHaveLength(6);
    expect((await listAudit(t, { action: "partition.clear" }, {}, 100)).entries).toHaveLength(4);
    expect((await listAudit(t, { action: "role.*" }, {}, 100)).entries).toHaveLength(1);
    expect((await listAudit(t, { outcome: "ok" }, {}, 100)).entries.map((e) => e.outcome)).toEqual(["ok", "ok", "ok"]);
    const rejected = (await listAudit(t, { outcome: "rejected" }, {}, 100)).entries;
    expect(rejected).toHaveLength(3);
    expect(rejected[0]!.outcomeDetail).toMatchObject({ code: "E1", errorMsg: "bad", traceId: "tr" });
    expect((await listAudit(t, { outcome: "unknown" }, {}, 100)).entries.every((e) => e.pending)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAudit(t, { from: today, to: today }, {}, 100)).entries).toHaveLength(13);
    expect((await listAudit(t, { to: "2000-01-01" }, {}, 100)).entries).toHaveLength(0);

    const p1 = await listAudit(t, {}, {}, 5);
    expect(p1.newerCursor).toBeNull();
    const p2 = await listAudit(t, {}, { before: p1.olderCursor! }, 5);
    const p3 = await listAudit(t, {}, { before: p2.olderCursor! }, 5);
    expect(p3.entries).toHaveLength(3);
    expect(p3.olderCursor).toBeNull();
    const seen = [...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.id);
    expect(seen).toEqual(all.entries.map((e) => e.id));
    const back = await listAudit(t, {}, { after: p2.newerCursor! }, 5);
    expect(back.entries.map((e) => e.id)).toEqual(p1.entries.map((e) => e.id));

    let streamed = 0;
    for await (const chunk of iterateAudit(t, { actor: "bob" }, 2)) streamed += chunk.length;
    expect(streamed).toBe(6); // bob marked the even ones; the event is by cli:root
  });
});
