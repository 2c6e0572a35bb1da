import { demoAuthHeaders } from "../../sandbox/demo-auth-headers";
import { DEMO_TENANTS } from "../../lib/demo-tenants";
import { E2E_SANDBOX_PORT } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { CalendarPage } from "../pages/calendar-page";
import { planByName } from "../../tests/support/e2e-sandbox";

// Someone calls CAN directly (the scheduler, a script): the next full read of the plan records the
// change as one observed event; a mark made through the console in between is not reported. A plan
// no other spec reads, so no other read of it lies between ours. Days after the seed's end
// (2026-10-31) are absent from CAN's list until marked.
const TENANT = "globex";
const PLAN = "tracking_events_10y";
const OUTSIDE_KEY = "2026-11-10";
const CONSOLE_KEY = "2026-11-12";

/** updatePartition straight to the sandbox with CAN's own headers, as the scheduler would call it. */
async function markSuccessStraightThroughCan(uuid: string, key: string): Promise<void> {
  const tenant = DEMO_TENANTS.find((t) => t.id === TENANT);
  if (!tenant) throw new Error(`no demo tenant ${TENANT}`);
  const range = { dateGranularity: "DAY", startTime: `${key}T00:00:00`, endTime: `${key}T00:00:00` };
  const sandboxUrl = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
  const response = await fetch(`${sandboxUrl}/anymetrics/api/v1/accelerate/plan/updatePartition`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await demoAuthHeaders(sandboxUrl, tenant)) },
    body: JSON.stringify({ uuid, runType: "MANUAL", successTimeRange: [range] }),
  });
  expect(await response.json()).toMatchObject({ success: true });
}

test.describe("changes seen from outside the console", () => {
  test.use({ user: "admin" });

  test("a mark made straight through CAN shows as one observed event after the next read; a console mark in between does not", async ({
    page,
    expectAccessible,
  }) => {
    test.slow(); // three reads of a 10-year plan, a mark, and two axe scans (one of a 3,650-cell page)
    const plan = await planByName(TENANT, PLAN);
    const cal = new CalendarPage(page);
    await cal.goto(TENANT, plan.uuid, "?year=2026"); // the read the next one is compared with
    await cal.expectStatus(OUTSIDE_KEY, "missing");

    await markSuccessStraightThroughCan(plan.uuid, OUTSIDE_KEY);
    await cal.cell(CONSOLE_KEY).click();
    await cal.markSuccess.click();
    await cal.confirmDialog();
    await expect(page.getByRole("status").filter({ hasText: "1 partition marked success" })).toBeVisible();

    await cal.goto(TENANT, plan.uuid, "?year=2026");
    await cal.expectStatus(OUTSIDE_KEY, "success");
    const history = page.getByRole("table", { name: "Plan history" });
    const observed = history.locator("tbody tr").filter({ hasText: "Changed outside the console" });
    await expect(observed).toHaveCount(1);
    await expect(observed).toContainText(`${OUTSIDE_KEY} missing → success`);
    await expect(observed).toContainText("outside the console");
    await expect(observed).toContainText(/between \d{4}-\d\d-\d\d \d\d:\d\d and \d{4}-\d\d-\d\d \d\d:\d\d, not through this console/);
    await expect(observed).not.toContainText(CONSOLE_KEY);
    await expect(history.locator("tbody tr").filter({ hasText: "Marked success" })).toContainText(CONSOLE_KEY);

    await cal.cell(OUTSIDE_KEY).hover();
    await expect(page.getByTestId("outside-change")).toHaveText(/^became materialized between .+ and .+, not through this console$/);
    await cal.cell(CONSOLE_KEY).hover();
    await expect(page.getByTestId("cell-inspector")).toContainText("last marked success by admin");
    await expect(page.getByTestId("outside-change")).toHaveCount(0);
    await expectAccessible(page);

    const audit = new AuditPage(page);
    await audit.goto(TENANT, `?plan=${plan.uuid}&action=partition.observed`);
    await expect(audit.rows()).toHaveCount(1);
    await expect(audit.rows().first()).toContainText("outside the console");
    await expect(audit.rows().first()).toContainText(`${OUTSIDE_KEY} missing → success`);
    await expect(audit.rows().first()).toContainText("1 partition, DAY");
    await expectAccessible(page);
  });
});
