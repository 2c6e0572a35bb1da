import { callAction, findAction } from "../../tests/support/action-client";
import { expect, test } from "../fixtures";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, APP_ROOT, canCalls, sessionCookie } from "../../tests/support/http-client";

// A mark counts the statuses it changes from the listing the operator's page holds, when the server
// sealed that listing for this plan less than two minutes ago and no mark of the plan was recorded
// since (docs/decisions/0008-marks-count-from-the-page-listing.md). Driven over plain HTTP: the
// listing from the partitions route, the marks through the server actions, CAN's calls from the
// sandbox's counters. Days of the 10-year plan that no other spec marks.

test.use({ user: null });

const IP = "10.66.0.3";
const PLAN = "clickstream_events_10y";
const day = (d: string) => ({ start: d, end: d });

type Listing = { readAt: string; throughSeq: number; runs: [string, string, string][]; seal: string };
type Calendar = Listing & { counts: Record<string, number> };
type Intent = {
  seq: number;
  action: string;
  phase: string;
  ranges: { start: string }[] | null;
  statusesBefore: Record<string, number> | null;
  details: { statusesRead?: { from: string; readAt: string } } | null;
};

async function readListing(uuid: string, cookie: string): Promise<Listing> {
  const response = await fetch(`${APP_BASE}/api/t/acme/plans/${uuid}`, { headers: { cookie } });
  const body = (await response.json()) as { ok: boolean; data: Calendar };
  expect(body.ok).toBe(true);
  const { readAt, throughSeq, runs, seal } = body.data;
  expect(seal).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { readAt, throughSeq, runs, seal };
}

/** CAN calls of acme by endpoint while `body` runs. */
async function callsDuring(body: () => Promise<void>): Promise<Record<string, number>> {
  const before = (await canCalls()).byTenantAndEndpoint.acme ?? {};
  await body();
  const after = (await canCalls()).byTenantAndEndpoint.acme ?? {};
  const grown: Record<string, number> = {};
  for (const [endpoint, n] of Object.entries(after)) if (n > (before[endpoint] ?? 0)) grown[endpoint] = n - (before[endpoint] ?? 0);
  return grown;
}

async function intentsOf(admin: string, planUuid: string): Promise<Intent[]> {
  const response = await fetch(`${APP_BASE}/api/t/acme/audit/export?format=json&plan=${planUuid}`, { headers: { cookie: admin } });
  const rows = (await response.json()) as (Intent & { planUuid: string | null })[];
  return rows.filter((r) => r.phase === "intent" && r.planUuid === planUuid).sort((a, b) => a.seq - b.seq);
}

test("a mark with the page's sealed listing makes one CAN call; a reused or forged listing is not trusted", async ({}, testInfo) => {
  // The audit log outlives the sandbox's resets: each browser project marks its own days.
  const [d1, d2, d3] = testInfo.project.name === "shanghai" ? ["2025-07-07", "2025-07-08", "2025-07-09"] : ["2025-06-02", "2025-06-03", "2025-06-04"];
  const operator = await sessionCookie("operator", IP);
  const admin = await sessionCookie("admin", IP);
  const plan = await planByName("acme", PLAN);
  const state = await sandbox.state("acme", plan.uuid);
  for (const d of [d1, d2, d3]) expect(state.partitions[d]?.status, d).toBe("success");
  const mark = findAction(APP_ROOT, "markPartitionsAction");
  const clear = findAction(APP_ROOT, "clearPartitionsAction");
  const path = `/t/acme/plans/${plan.uuid}`;
  const listing = await readListing(plan.uuid, operator);

  // Forged: the same listing with every status turned to missing, so clearing success days would
  // not seem to need the typed plan name. The seal no longer matches: the server reads CAN itself,
  // sees success days, and asks for the name; nothing is cleared.
  const forged = { ...listing, runs: listing.runs.map(([s, e]) => [s, e, "missing"] as [string, string, string]) };
  const calls = await callsDuring(async () => {
    const answer = await callAction(APP_BASE, clear, {
      path,
      args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", ranges: [day(d1)], listing: forged }],
      cookie: operator,
    });
    expect(answer.value).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("Type the plan name") } });
  });
  expect(calls.clearPartition ?? 0).toBe(0);
  expect(calls.queryMtPartitionList ?? 0).toBeGreaterThan(0);
  expect((await sandbox.state("acme", plan.uuid)).partitions[d1]?.status).toBe("success");

  // Honest and fresh: one CAN call, the mark itself.
  const first = await callsDuring(async () => {
    const answer = await callAction(APP_BASE, mark, {
      path,
      args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", failed: [day(d2)], confirmName: PLAN, listing }],
      cookie: operator,
    });
    expect(answer.value).toMatchObject({ ok: true });
  });
  expect(first).toEqual({ updatePartition: 1 });

  // The same listing again: a mark of this plan was recorded since it was read, so CAN is read afresh.
  const second = await callsDuring(async () => {
    const answer = await callAction(APP_BASE, mark, {
      path,
      args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success: [day(d3)], listing }],
      cookie: operator,
    });
    expect(answer.value).toMatchObject({ ok: true });
  });
  expect(second.updatePartition).toBe(1);
  expect(second.queryMtPartitionList ?? 0).toBeGreaterThan(0);

  // The audit rows say where each count came from.
  const intents = (await intentsOf(admin, plan.uuid)).filter((i) => [d2, d3].includes(i.ranges?.[0]?.start ?? "")).slice(-2);
  expect(intents.map((i) => [i.ranges?.[0]?.start, i.details?.statusesRead?.from])).toEqual([
    [d2, "page listing"],
    [d3, "fresh read"],
  ]);
  expect(intents[0]?.statusesBefore).toEqual({ success: 1 });
  expect(intents[0]?.details?.statusesRead?.readAt).toBe(listing.readAt);
});
