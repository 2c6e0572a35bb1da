import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { PlansPage } from "../pages/plans-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// Issue 16, items 4–6 and 20: the plan page says what it waits for, keeps what it knows when CAN
// refuses the list, says how old its data is and refreshes it without moving the user's view, and
// the small things (tab title, cleared in the year strip, typed-range errors, clearing filters).
test.use({ user: "operator" });
// Each test loads the plan page more than once, marks, or waits out a slow CAN on purpose.
test.slow();

const listCalls = async (): Promise<number> => {
  const counts = (await sandbox.requests()) as { byTenantAndEndpoint: Record<string, Record<string, number>> };
  return counts.byTenantAndEndpoint.acme?.queryMtPartitionList ?? 0;
};

test("a slow CAN: opening a plan shows its loading state at once, then the calendar", async ({ page, expectAccessible }) => {
  const plans = new PlansPage(page);
  await plans.goto("acme");
  await plans.expectLoaded();
  // Every page of the partition list takes 1.5 s (under the e2e app's 2 s timeout): several seconds in all.
  await sandbox.setFaults([{ kind: "latency", ms: 1_500, endpoint: "queryMtPartitionList", tenant: "acme" }]);
  await plans.row("orders_daily").getByRole("link", { name: "Orders (daily)" }).click();
  const waiting = page.getByTestId("plan-skeleton");
  await expect(waiting).toBeVisible();
  await expect(waiting.getByRole("status")).toHaveText("Reading partitions from CAN…");
  await expect(page).toHaveURL(/\/t\/acme\/plans\/[0-9a-f-]+$/);
  // The plan's own read answers before its partition list: the heading is sent ahead of the calendar.
  await expect(waiting.getByRole("heading", { level: 1, name: "Orders (daily)" })).toBeVisible();
  await expect(page.locator("button[data-key]")).toHaveCount(0); // the partitions are not there yet
  await page.screenshot({ path: "/tmp/shots-planpage/loading-1280.png" });
  await expectAccessible(page);
  await expect(page.getByRole("heading", { level: 1, name: "Orders (daily)" })).toBeVisible({ timeout: 20_000 });
  await expect(waiting).toHaveCount(0);
});

test("CAN refuses the partition list: the plan's name and the console's history stay, and Retry recovers", async ({ page, expectAccessible }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  // Something of the console's own to keep: a mark in the plan's history.
  await cal.goto("acme", plan.uuid, "?year=2026&sel=2026-11-18");
  await cal.markSuccess.click();
  await cal.confirmDialog();
  await expect(page.getByRole("status").filter({ hasText: "1 partition marked success" })).toBeVisible();

  await sandbox.setFaults([{ kind: "rejected", message: "faults-e2e: partition store offline", endpoint: "queryMtPartitionList", tenant: "acme" }]);
  await page.goto(`/t/acme/plans/${plan.uuid}?year=2026`);
  const alert = page.getByRole("alert", { name: "The plan could not be loaded" });
  await expect(alert).toContainText("faults-e2e: partition store offline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Orders (daily)");
  await expect(page.getByText("orders_daily", { exact: true })).toBeVisible();
  const history = page.getByRole("table", { name: "Plan history" });
  await expect(history.locator("tbody tr").filter({ hasText: "2026-11-18" }).first()).toContainText("operator");
  await expect(page.locator("button[data-key]")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/shots-planpage/failed-read-1280.png", fullPage: true });
  await expectAccessible(page);

  await sandbox.clearFaults();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toHaveCount(0);
  await cal.expectStatus("2026-11-18", "success");
});

test("the data's age grows, and a background refresh keeps the year and the selection", async ({ page }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await page.clock.install();
  await cal.goto("acme", plan.uuid, "?year=2026");
  await expect(cal.readAge).toHaveText("read just now");
  await page.getByRole("button", { name: "Previous year, 2025" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2025" })).toBeVisible();
  await cal.cell("2025-06-02").click();
  await cal.cell("2025-06-04").click({ modifiers: ["Shift"] });
  await expect(cal.summary).toHaveText("3 partitions in 1 range");

  // Three minutes on the page's clock (no timer fires), then the age's next 15-second tick.
  await page.clock.setSystemTime(Date.now() + 3 * 60_000);
  await page.clock.runFor(15_000);
  await expect(cal.readAge).toHaveText("read 3 min ago");

  // The default refresh interval (PARTITIONS_REFRESH_SECONDS, 60 s) passes: the list is read again.
  const before = await listCalls();
  await page.clock.runFor(60_000);
  await expect.poll(listCalls).toBeGreaterThan(before);
  await expect(cal.readAge).toBeVisible(); // the read is over
  await expect(cal.summary).toHaveText("3 partitions in 1 range");
  await expect(page.getByRole("heading", { level: 2, name: "2025" })).toBeVisible();
  await expect(cal.cell("2025-06-03")).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/year=2025/);
});

test("small things: the tab names the plan, the months fill a wide row, the year strip counts cleared, a bad typed range clears the selection", async ({
  page,
}) => {
  // The cleared day is in 2023: calendar.spec.ts reads every day of 2024–2026 of this plan and expects CAN's statuses.
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await cal.goto("acme", plan.uuid, "?year=2023&sel=2023-12-12");
  await expect(page).toHaveTitle("Orders (daily) · Plan · CAN Partition Console");

  // No empty column at the end of a row of months: the last month of the first row ends at the row's end.
  const gap = await page.locator(".calendar-year").evaluate((row) => {
    const right = row.getBoundingClientRect().right;
    const months = [...row.querySelectorAll(".rdp-month")].map((m) => m.getBoundingClientRect());
    const firstRowTop = months[0]?.top ?? 0;
    return right - Math.max(...months.filter((m) => m.top === firstRowTop).map((m) => m.right));
  });
  expect(gap).toBeLessThan(2);

  const strip = page.getByTestId("year-summary-2023");
  await expect(strip).not.toContainText("cleared");
  await cal.clear.click();
  if (await cal.dialog.getByLabel(/Type the plan name/).isVisible()) await cal.dialog.getByLabel(/Type the plan name/).fill("orders_daily");
  await cal.confirm.click();
  await expect(page.getByRole("status").filter({ hasText: "1 partition cleared" })).toBeVisible();
  await expect(strip).toContainText("1 cleared");

  await cal.rangeInput.fill("2023-12-01..2023-12-03");
  await cal.rangeInput.press("Enter");
  await expect(cal.summary).toHaveText("3 partitions in 1 range");
  await cal.rangeInput.fill("2023-02-30");
  await cal.rangeInput.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "2023-02-30" })).toContainText("The previous selection was cleared.");
  await expect(cal.summary).toHaveText("No partition selected");
  await expect(cal.cell("2023-12-02")).toHaveAttribute("aria-pressed", "false");
});

test("the plans page's empty search offers to clear the filters", async ({ page, expectAccessible }) => {
  const plans = new PlansPage(page);
  await plans.goto("acme", "?q=no_such_plan&type=RESULT");
  await expect(page.getByText("No plan matches these filters.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/[?&](q|type)=/);
  await expect(plans.row("orders_daily")).toBeVisible();
  await expect(plans.search).toHaveValue("");
  await expect(plans.typeFilter).toHaveValue("");
});
