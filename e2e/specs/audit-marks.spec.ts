import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// Marks made through the calendar land in the audit log with their ranges and outcome. A plan and
// days no other spec marks: the audit log, unlike the sandbox, is not reset between tests.
const PLAN = "clickstream_events_10y";

test.describe("marks in the audit log", () => {
  test.use({ user: "operator" });

  test("an operator's mark shows with its ranges and outcome; a CAN refusal gives a rejected row", async ({ page, browser, signIn }) => {
    const plan = await planByName("acme", PLAN);
    const cal = new CalendarPage(page);
    await cal.goto("acme", plan.uuid, "?year=2026");
    await cal.cell("2026-11-16").click();
    await cal.cell("2026-11-17").click({ modifiers: ["Shift"] });
    await cal.markSuccess.click();
    await cal.confirmDialog();
    await expect(page.getByRole("status").filter({ hasText: "2 partitions marked success" })).toBeVisible();

    await sandbox.setFaults([{ kind: "rejected", endpoint: "updatePartition", message: "audit-e2e: table locked" }]);
    await cal.cell("2026-11-19").click();
    await cal.markFailed.click();
    await cal.confirmDialog();
    await expect(cal.dialog.getByRole("alert")).toContainText("audit-e2e: table locked");

    const context = await browser.newContext();
    const adminPage = await context.newPage();
    try {
      await signIn(adminPage, "admin");
      const audit = new AuditPage(adminPage);
      await audit.goto("acme", `?plan=${plan.uuid}&actor=operator`);
      const rows = audit.rows();
      await expect(rows.first()).toContainText("Marked failed");
      await expect(rows.first()).toContainText("2026-11-19 failed");
      await expect(rows.first()).toContainText("rejected");
      await expect(rows.first()).toContainText("audit-e2e: table locked");
      await expect(rows.nth(1)).toContainText("Marked success");
      await expect(rows.nth(1)).toContainText("2026-11-16…2026-11-17 success");
      await expect(rows.nth(1)).toContainText("2 partitions, DAY");
      // The page sent its sealed listing with the mark, so the counts come from what the operator saw.
      await expect(rows.nth(1)).toContainText(/as shown on the page, read from CAN at \d{4}-\d\d-\d\d \d\d:\d\d(?!:)/);
      await expect(rows.nth(1).getByText("ok", { exact: true })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
