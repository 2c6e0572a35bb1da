import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, sessionCookie } from "../../tests/support/http-client";

// The incident case (issue 17, item 3): an upstream table was wrong for three days, so every plan
// built on it is marked failed from the plans page at once. The plans are the sandbox's extra
// bulk_plan_* (added per test; no other spec marks them) and the days are 2023 ones, outside their
// 60-day history, so the typed confirmation applies. The audit log is not reset between tests:
// the flow test marks as operator and reads only the operator's rows, and each test marks its own
// days (the calendar replays the console's recorded marks, which a sandbox reset does not undo).

const DAYS = ["2023-03-06", "2023-03-07", "2023-03-08"];
const RANGE = "2023-03-06..2023-03-08";

/** bulk_plan_0001…0005: 1, 3 and 5 are DAY, 2 and 4 MONTH (sandbox/seed.ts manyPlans). */
async function addBulkPlans() {
  await sandbox.addPlans("acme", 5);
  const [one, three, five] = await Promise.all(["bulk_plan_0001", "bulk_plan_0003", "bulk_plan_0005"].map((n) => planByName("acme", n)));
  if (!one || !three || !five) throw new Error("the sandbox did not add the bulk plans");
  return { one, three, five };
}

const checkbox = (page: Page, plan: string) => page.getByRole("checkbox", { name: `Select ${plan} for a bulk mark` });

async function failedDays(uuid: string): Promise<string[]> {
  const state = await sandbox.state("acme", uuid);
  return DAYS.filter((d) => state.partitions[d]?.status === "failed");
}

test.describe("bulk mark across plans", () => {
  test.use({ user: "operator" });

  test("marks three plans failed; one refused by CAN is reported and a retry of it alone succeeds", async ({ page, browser }) => {
    const { one, three, five } = await addBulkPlans();
    await sandbox.setFaults([{ kind: "rejected", endpoint: "updatePartition", uuid: three.uuid, message: "bulk-e2e: upstream table locked" }]);
    await page.goto("/t/acme/plans?q=bulk_plan");
    const table = page.getByRole("table", { name: "Materialization plans" });
    await expect(table.getByRole("row")).toHaveCount(6);

    // Select all on the page picks the five EXTERNAL plans; they mix DAY and MONTH, which is refused.
    await page.getByRole("checkbox", { name: "Select all 5 markable plans on this page" }).check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar.getByRole("heading")).toHaveText("5 plans selected");
    await expect(bar.getByRole("alert")).toContainText("different granularities (DAY, MONTH)");
    await checkbox(page, "Bulk plan 0002").press("Space"); // the keyboard works as well as the mouse
    await checkbox(page, "Bulk plan 0004").uncheck();
    await expect(bar.getByRole("heading")).toHaveText("3 plans selected");

    await bar.getByLabel("Range for every selected plan (days)").fill(RANGE);
    await bar.getByRole("button", { name: "Mark failed" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark partitions failed in 3 plans" });
    await expect(dialog).toContainText("3 partitions in each of 3 plans will be sent as failed: one request to CAN per plan.");
    const items = dialog.getByTestId("bulk-plan");
    await expect(items).toHaveCount(3);
    for (const [i, plan] of [one, three, five].entries()) {
      await expect(items.nth(i)).toContainText(plan.name);
      // Outside each plan's 60-day window: the same words as the single-plan dialog.
      await expect(items.nth(i).getByTestId("mark-effect")).toContainText("Changes: 3 partitions become failed");
      await expect(items.nth(i).getByTestId("mark-effect")).toContainText("Outside window: 3 → failed");
      await expect(items.nth(i).getByTestId("bulk-request-body")).toContainText(`"uuid": "${plan.uuid}"`);
      await expect(items.nth(i).getByTestId("bulk-request-body")).toContainText('"failedTimeRange"');
    }
    const confirm = dialog.getByRole("button", { name: "Confirm: mark partitions failed in 3 plans" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the number of plans, 3, to confirm/).fill("3");
    await confirm.click();

    const results = page.getByTestId("bulk-results");
    await expect(results.getByRole("heading")).toHaveText("Bulk mark (mark partitions failed): 2 of 3 plans done");
    await expect(results.locator('[data-outcome="ok"]')).toHaveCount(2);
    const refused = results.locator('[data-outcome="failed"]');
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText("Bulk plan 0003");
    await expect(refused).toContainText("bulk-e2e: upstream table locked");
    expect(await failedDays(one.uuid)).toEqual(DAYS);
    expect(await failedDays(five.uuid)).toEqual(DAYS);
    expect(await failedDays(three.uuid)).toEqual([]);

    // Retry failed: only plan 3, confirmed again (one plan: its name, as on its own page).
    await sandbox.clearFaults();
    await results.getByRole("button", { name: "Retry failed (1)" }).click();
    const retry = page.getByRole("dialog", { name: "Mark partitions failed in 1 plan" });
    await expect(retry.getByTestId("bulk-plan")).toHaveCount(1);
    await expect(retry.getByTestId("bulk-plan")).toContainText("bulk_plan_0003");
    await retry.getByLabel(/Type the plan name bulk_plan_0003 to confirm/).fill("bulk_plan_0003");
    await retry.getByRole("button", { name: "Confirm: mark partitions failed in 1 plan" }).click();
    await expect(results.getByRole("heading")).toHaveText("Bulk mark (mark partitions failed): 1 of 1 plan done");
    expect(await failedDays(three.uuid)).toEqual(DAYS);

    // One intent and outcome per plan and per try: plan 3 has the refusal and then the success.
    const context = await browser.newContext();
    try {
      // The admin reads the audit page (an operator's role has no audit access); signed in over HTTP.
      const [name = "", ...value] = (await sessionCookie("admin", "203.0.113.30")).split("=");
      await context.addCookies([{ name, value: value.join("="), url: APP_BASE, httpOnly: true, sameSite: "Lax" }]);
      const adminPage = await context.newPage();
      const audit = new AuditPage(adminPage);
      await audit.goto("acme", `?plan=${three.uuid}&actor=operator`);
      await expect(audit.rows()).toHaveCount(2);
      await expect(audit.rows().first()).toContainText("2023-03-06…2023-03-08 failed");
      await expect(audit.rows().first().getByText("ok", { exact: true })).toBeVisible();
      await expect(audit.rows().nth(1)).toContainText("rejected");
      await expect(audit.rows().nth(1)).toContainText("bulk-e2e: upstream table locked");
      await audit.goto("acme", `?plan=${one.uuid}&actor=operator`);
      await expect(audit.rows()).toHaveCount(1);
      await expect(audit.rows().first()).toContainText("Marked failed");
    } finally {
      await context.close();
    }
  });
});

// The axe scans apart from the flow above (each scan of the plans page takes seconds): the dialog
// open over the bar, then the results with a refusal and "Retry failed", in both languages.
const WORDS = {
  en: {
    day: "2023-03-20",
    select: (n: string) => `Select Bulk plan ${n} for a bulk mark`,
    selected: "3 plans selected",
    range: "Range for every selected plan (days)",
    clear: "Clear",
    dialog: "Clear partitions in 3 plans",
    confirm: "Confirm: clear partitions in 3 plans",
    results: "Bulk mark (clear partitions): 2 of 3 plans done",
    retry: "Retry failed (1)",
  },
  "zh-CN": {
    day: "2023-03-21",
    select: (n: string) => `选择 Bulk plan ${n} 进行批量标记`,
    selected: "已选 3 个方案",
    range: "所有所选方案的范围（按天）",
    clear: "清除",
    dialog: "在 3 个方案中清除分区",
    confirm: "确认：在 3 个方案中清除分区",
    results: "批量标记（清除分区）：3 个方案中已完成 2 个",
    retry: "重试失败的方案（1）",
  },
} as const;

for (const [locale, w] of Object.entries(WORDS)) {
  test.describe(`bulk mark in ${locale}`, () => {
    test.use({ locale, user: "admin" });

    test(`the bar with its confirmation, and the results, are axe-clean (${locale})`, async ({ page, expectAccessible }) => {
      const { three } = await addBulkPlans();
      await sandbox.setFaults([{ kind: "rejected", endpoint: "clearPartition", uuid: three.uuid, message: "bulk-e2e: table locked" }]);
      await page.goto("/t/acme/plans?q=bulk_plan");
      for (const n of ["0001", "0003", "0005"]) await page.getByRole("checkbox", { name: w.select(n) }).check();
      const bar = page.getByTestId("bulk-bar");
      await expect(bar.getByRole("heading")).toHaveText(w.selected);
      await bar.getByLabel(w.range).fill(w.day);
      await bar.getByRole("button", { name: w.clear, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: w.dialog });
      await expect(dialog.getByTestId("bulk-plan")).toHaveCount(3);
      await expectAccessible(page);
      // Clearing partitions that were never materialized takes nothing away: no typed confirmation.
      await expect(dialog.getByRole("textbox")).toHaveCount(0);
      await dialog.getByRole("button", { name: w.confirm }).click();
      const results = page.getByTestId("bulk-results");
      await expect(results.getByRole("heading")).toHaveText(w.results);
      await expect(results.locator('[data-outcome="failed"]')).toContainText("bulk-e2e: table locked");
      await expect(results.getByRole("button", { name: w.retry })).toBeVisible();
      await expectAccessible(page);
    });
  });
}
