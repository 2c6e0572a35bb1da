import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox, type Fault } from "../../tests/support/e2e-sandbox";
import { auditLines, canCalls, sessionCookie } from "../../tests/support/http-client";
import { loggedForRequest } from "../../tests/support/server-log";

// The upstream-fault matrix, over real HTTP through the sandbox's fault injection (CAN_TIMEOUT_MS is
// 2000 in the e2e app). Reads: each fault on the partition list gives a clear error with CAN's
// details and a Retry, never a partial calendar; GETs are retried only for timeouts, resets and
// 502/503/504, at most twice; clearing the fault and pressing Retry recovers without a restart.
// Marks: each fault on updatePartition is shown in the dialog, CAN receives the call exactly once
// (POSTs are never retried), the audit log holds an outcome for the intent (`unknown` where CAN may
// have applied it), and confirming again once the fault is gone succeeds.
// Covered elsewhere: the plans list under success:false and reset (plans.spec.ts), and a mark
// refused or hanging in the calendar (calendar.spec.ts); this spec adds the rest.

type ReadCase = { name: string; fault: Fault; shows: RegExp; attempts: number };
const READS: ReadCase[] = [
  { name: "latency past the timeout", fault: { kind: "latency", ms: 2_600 }, shows: /no answer within 2000 ms/, attempts: 3 },
  { name: "HTTP 503", fault: { kind: "http", status: 503 }, shows: /HTTP 503/, attempts: 3 },
  {
    name: "HTTP 500 with a JSON error page",
    fault: { kind: "http", status: 500, bodyFormat: "json", message: "faults-e2e: NullPointerException" } as Fault,
    shows: /HTTP 500/,
    attempts: 1,
  },
  { name: "connection reset", fault: { kind: "reset" }, shows: /CAN could not be reached/, attempts: 3 },
  { name: "malformed JSON", fault: { kind: "malformed" }, shows: /not valid JSON/, attempts: 1 },
  {
    name: "success:false",
    fault: { kind: "rejected", message: "faults-e2e: partition store offline" },
    shows: /faults-e2e: partition store offline[\s\S]*traceId/,
    attempts: 1,
  },
  {
    name: "success:true with data:null and an errorMsg",
    fault: { kind: "null-data", message: "faults-e2e: plan metadata missing" },
    shows: /faults-e2e: plan metadata missing/,
    attempts: 1,
  },
  {
    name: "a failure on page 3 of the partition list",
    fault: { kind: "rejected", page: 3, message: "faults-e2e: page 3 unavailable" },
    shows: /faults-e2e: page 3 unavailable/,
    attempts: 1,
  },
];

test.describe("plan page under CAN faults", () => {
  test.use({ user: "viewer" });

  for (const c of READS) {
    test(`${c.name}: clear error with CAN's details and Retry, no partial calendar, recovers`, async ({ page }) => {
      const plan = await planByName("acme", "orders_daily");
      const state = await sandbox.state("acme", plan.uuid);
      const listed = Object.values(state.partitions).filter((p) => p.status === "success").length;
      await sandbox.setFaults([{ ...c.fault, endpoint: "queryMtPartitionList", tenant: "acme" }]);
      await page.goto(`/t/acme/plans/${plan.uuid}?year=2026`);
      const alert = page.getByRole("alert", { name: "The plan could not be loaded" });
      await expect(alert).toContainText(c.shows);
      await expect(alert).toContainText("queryMtPartitionList");
      await expect(page.locator("button[data-key]")).toHaveCount(0); // no cell drawn from a partial list
      await expect(page.getByText(/\d+ listed/)).toHaveCount(0);
      // GET retries within the budget: 2 more attempts for transient failures, none for the rest.
      expect((await sandbox.faults())[0]?.fired).toBe(c.attempts);

      await sandbox.clearFaults();
      await alert.getByRole("button", { name: "Retry" }).click();
      await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
      await expect(alert).toHaveCount(0);
      await expect(page.getByText(`${listed.toLocaleString("en-US")} listed`)).toBeVisible(); // the whole list, every page
      await expect(page.locator('button[data-key="2026-10-01"]')).toBeVisible();
    });
  }
});

type MarkCase = { name: string; fault: Fault; day: string; outcome: "unknown" | "rejected"; shows: RegExp };
const MARKS: MarkCase[] = [
  { name: "latency past the timeout", fault: { kind: "latency", ms: 2_600 }, day: "2026-11-02", outcome: "unknown", shows: /may or may not have applied/ },
  { name: "HTTP 503", fault: { kind: "http", status: 503 }, day: "2026-11-03", outcome: "rejected", shows: /HTTP 503/ },
  { name: "connection reset", fault: { kind: "reset" }, day: "2026-11-04", outcome: "unknown", shows: /may or may not have applied/ },
  { name: "malformed JSON", fault: { kind: "malformed" }, day: "2026-11-05", outcome: "unknown", shows: /may or may not have applied/ },
  {
    name: "success:true with data:null and an errorMsg",
    fault: { kind: "null-data", message: "faults-e2e: mark not stored" },
    day: "2026-11-06",
    outcome: "rejected",
    shows: /faults-e2e: mark not stored/,
  },
];

test.describe("marks under CAN faults", () => {
  // globex's shipments_daily: no other spec marks it, so its audit lines are this spec's alone.
  test.use({ user: "admin" });

  for (const c of MARKS) {
    test(`${c.name}: shown in the dialog, sent once, audited with an outcome, succeeds once the fault clears`, async ({ page }) => {
      const plan = await planByName("globex", "shipments_daily");
      const admin = await sessionCookie("admin", "10.66.0.3");
      const cal = new CalendarPage(page);
      await cal.goto("globex", plan.uuid, "?year=2026");
      await sandbox.setFaults([{ ...c.fault, endpoint: "updatePartition" }]);
      await cal.cell(c.day).click();
      await cal.markSuccess.click();
      await cal.confirmDialog();
      await expect(cal.dialog.getByRole("alert", { name: "CAN did not apply the change" })).toContainText(c.shows);
      expect((await canCalls()).byTenantAndEndpoint.globex?.updatePartition).toBe(1); // never sent twice

      const mine = (await auditLines("globex", admin)).filter((l) => l.planUuid === plan.uuid && l.ranges?.some((r) => r.start === c.day));
      expect(mine.map((l) => ({ phase: l.phase, pending: l.pending, outcome: l.outcome }))).toContainEqual({
        phase: "intent",
        pending: false,
        outcome: c.outcome,
      });
      expect(mine.every((l) => !l.pending && l.outcome !== null)).toBe(true);

      // One id for the request: the one the dialog shows is the audit row's, CAN's x-request-id and our log line's.
      const shownId = (await cal.dialog.getByText(/^Request id:/).innerText()).replace(/^Request id:\s*/, "").trim();
      expect(shownId).toMatch(/^[0-9a-f-]{36}$/);
      expect(mine.find((l) => l.phase === "intent")?.requestId).toBe(shownId);
      expect((await sandbox.recentRequests()).filter((r) => r.endpoint === "updatePartition").at(-1)?.requestId).toBe(shownId);
      await expect.poll(() => loggedForRequest(shownId).some((l) => l.event === "can.call_failed")).toBe(true);

      await sandbox.clearFaults();
      await cal.confirm.click();
      await expect(page.getByRole("status").filter({ hasText: "1 partition marked success" })).toBeVisible();
      expect((await canCalls()).byTenantAndEndpoint.globex?.updatePartition).toBe(2);
      expect((await sandbox.state("globex", plan.uuid)).partitions[c.day]?.status).toBe("success");
      const after = (await auditLines("globex", admin)).filter((l) => l.planUuid === plan.uuid && l.ranges?.some((r) => r.start === c.day));
      const newest = after.reduce((a, b) => (b.seq > a.seq ? b : a));
      expect(after).toHaveLength(mine.length + 1);
      expect(newest).toMatchObject({ pending: false, outcome: "ok" });
      expect(after.every((l) => !l.pending && l.outcome !== null)).toBe(true);
    });
  }
});
