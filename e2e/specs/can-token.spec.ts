import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { PlansPage } from "../pages/plans-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, INTERNALS, auditLines, makeToken, sessionCookie } from "../../tests/support/http-client";

// globex signs in to CAN with app credentials: the console trades them for tokens (token/create)
// and renews them. The sandbox's counters tell renewals from calls; its `applied` count tells a
// mark that changed state from one that was refused.

const IP = "10.77.0.21";
const API = `${APP_BASE}/can/anymetrics/api/v1/accelerate/plan`;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const globexCounts = async () => {
  const c = await sandbox.requests();
  return { tokens: c.tokensIssued.globex ?? 0, calls: c.byTenantAndEndpoint.globex ?? {}, applied: c.applied.globex ?? {} };
};
const callsBut = (calls: Record<string, number>, endpoint: string) => Object.entries(calls).reduce((n, [e, k]) => (e === endpoint ? n : n + k), 0);

test.describe("a tenant whose CAN credential expires (globex: tokens from token/create)", () => {
  test.use({ user: "admin" });

  test("with a 3-second token life, plan pages load through 10 s of use; CAN's counters show renewals, not one per call", async ({ page, cleanSandbox }) => {
    test.slow();
    await cleanSandbox.configure({ tokenTtlSeconds: 3 });
    await cleanSandbox.expireTokens(); // the console's 6-hour token from earlier specs ends now
    const monthly = await planByName("globex", "freight_cost_monthly");
    const daily = await planByName("globex", "shipments_daily");
    const calendar = new CalendarPage(page);
    const plans = new PlansPage(page);
    const started = Date.now();
    let loads = 0;
    while (Date.now() - started < 10_000) {
      await calendar.goto("globex", loads % 2 === 0 ? monthly.uuid : daily.uuid);
      // Next's route announcer is an empty alert; an error panel has words.
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
      loads++;
    }
    await plans.goto("globex");
    await plans.expectLoaded();
    await expect(plans.row("shipments_daily")).toBeVisible();
    await calendar.goto("globex", daily.uuid);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/shipments/i);

    const c = await globexCounts();
    // 10 s of 3-second tokens: 4 to 5 lives; each renewal is one token/create, however many calls.
    expect(c.tokens).toBeGreaterThanOrEqual(3);
    expect(c.tokens).toBeLessThanOrEqual(7);
    expect(c.calls["token/create"]).toBe(c.tokens);
    expect(callsBut(c.calls, "token/create")).toBeGreaterThan(loads);
    expect(callsBut(c.calls, "token/create")).toBeGreaterThan(3 * c.tokens);
  });

  test("20 concurrent requests at expiry cause one renewal; a mark sent with an expired token is applied once and audited once", async ({ cleanSandbox }) => {
    const adminCookie = await sessionCookie("admin", IP);
    const name = unique("gx-token");
    const token = await makeToken(adminCookie, "globex", name, "operator");
    const plan = await planByName("globex", "shipments_daily");
    const headers = { "tenant-id": "globex", "auth-type": "APIKEY", "auth-value": token, "content-type": "application/json" };
    const read = () => fetch(`${API}/queryMtPartitionList?uuid=${plan.uuid}&pageNumber=1&pageSize=5`, { headers });

    expect((await read()).status).toBe(200); // the console holds a token now
    await cleanSandbox.expireTokens();
    const before = await globexCounts();
    const answers = await Promise.all(Array.from({ length: 20 }, read));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const afterReads = await globexCounts();
    expect(afterReads.tokens - before.tokens).toBe(1);
    // Those that reached CAN before the renewal were refused once and sent again; later ones carried the new token.
    const reads = (afterReads.calls.queryMtPartitionList ?? 0) - (before.calls.queryMtPartitionList ?? 0);
    expect(reads).toBeGreaterThan(20);
    expect(reads).toBeLessThanOrEqual(40);

    // A day the seed already holds as success: marking it success again changes nothing another spec reads.
    const state = await cleanSandbox.state("globex", plan.uuid);
    const day = Object.entries(state.partitions).find(([, p]) => p.status === "success")?.[0];
    expect(day).toBeDefined();
    const range = { dateGranularity: "DAY", startTime: `${day}T00:00:00`, endTime: `${day}T00:00:00` };
    const sendMark = () =>
      fetch(`${API}/updatePartition`, { method: "POST", headers, body: JSON.stringify({ uuid: plan.uuid, runType: "MANUAL", successTimeRange: [range] }) });
    // The first mark also reads the plan's details (kept 30 s), so the second goes straight to its one CAN call.
    expect((await sendMark()).status).toBe(200);
    await cleanSandbox.expireTokens();
    const beforeMark = await globexCounts();
    const mark = await sendMark();
    expect(mark.status).toBe(200);
    expect(await mark.json()).toMatchObject({ success: true });
    const afterMark = await globexCounts();
    expect(afterMark.calls.updatePartition! - beforeMark.calls.updatePartition!).toBe(2); // refused with the expired token, sent again with the new one
    expect(afterMark.applied.updatePartition! - beforeMark.applied.updatePartition!).toBe(1);
    expect(afterMark.tokens - beforeMark.tokens).toBe(1);
    // One audit row (intent with its outcome) per mark: the refused try and its repeat are one mark.
    const rows = (await auditLines("globex", adminCookie)).filter((l) => l.actor === name && l.action.startsWith("partition."));
    expect(rows.map((r) => [r.phase, r.action, r.outcome, r.pending])).toEqual(Array(2).fill(["intent", "partition.mark_success", "ok", false]));
  });

  test("a renewal CAN refuses shows globex unreachable with CAN's words, on /api/health and on the pages, without a stack", async ({
    page,
    cleanSandbox,
    expectAccessible,
  }) => {
    await cleanSandbox.setFaults([{ kind: "rejected", endpoint: "token/create", message: "API key disabled by the administrator" }]);
    await cleanSandbox.expireTokens();
    const plans = new PlansPage(page);
    await plans.goto("globex");
    const alert = page.getByRole("alert", { name: "The plans could not be loaded" });
    await expect(alert).toContainText("API key disabled by the administrator");
    await expect(alert).toContainText('token/create for tenant "globex"');
    await expectAccessible(page);

    const health = (await (await page.request.get("/api/health")).json()) as { tenants: { tenant: string; reachable: boolean; problem?: string }[] };
    expect(health.tenants.find((t) => t.tenant === "globex")).toMatchObject({ reachable: false, problem: "rejected: API key disabled by the administrator" });
    expect(health.tenants.find((t) => t.tenant === "acme")).toMatchObject({ reachable: true });
    const text = await page.locator("main").innerText();
    for (const internal of INTERNALS) expect(text).not.toMatch(internal);

    await cleanSandbox.clearFaults();
    await alert.getByRole("button", { name: "Retry" }).click();
    await plans.expectLoaded();
    await expect(plans.row("shipments_daily")).toBeVisible();
  });

  test("a mark whose token CAN refuses and cannot be renewed is not applied, and the audit log says so (not 'may have applied')", async ({ cleanSandbox }) => {
    const adminCookie = await sessionCookie("admin", IP);
    const name = unique("gx-notoken");
    const token = await makeToken(adminCookie, "globex", name, "operator");
    const plan = await planByName("globex", "shipments_daily");
    const day = Object.entries((await cleanSandbox.state("globex", plan.uuid)).partitions).find(([, p]) => p.status === "success")?.[0];
    const range = { dateGranularity: "DAY", startTime: `${day}T00:00:00`, endTime: `${day}T00:00:00` };
    const sendMark = () =>
      fetch(`${API}/updatePartition`, {
        method: "POST",
        headers: { "tenant-id": "globex", "auth-type": "APIKEY", "auth-value": token, "content-type": "application/json" },
        body: JSON.stringify({ uuid: plan.uuid, runType: "MANUAL", successTimeRange: [range] }),
      });
    // A first mark: the console now holds a token and the plan's details (a success day marked success: no change).
    expect((await sendMark()).status).toBe(200);
    await cleanSandbox.setFaults([{ kind: "reset", endpoint: "token/create" }]);
    await cleanSandbox.expireTokens();
    const before = await globexCounts();
    const mark = await sendMark();
    expect(mark.status).toBe(502);
    expect(await mark.json()).toMatchObject({ success: false, code: "CONSOLE_UPSTREAM_UNAVAILABLE" });
    // The held token went out once and was refused (CAN did nothing); the renewal failed, so nothing more.
    const after = await globexCounts();
    expect(after.calls.updatePartition! - before.calls.updatePartition!).toBe(1);
    expect(after.applied).toEqual(before.applied);
    const rows = (await auditLines("globex", adminCookie)).filter((l) => l.actor === name && l.action.startsWith("partition.")).sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => [r.phase, r.outcome, r.pending])).toEqual([
      ["intent", "ok", false],
      ["intent", "error", false],
    ]);
  });
});
