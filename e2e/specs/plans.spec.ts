import { expect, test } from "../fixtures";
import { PlansPage } from "../pages/plans-page";

test.describe("plans page", () => {
  test("lists a tenant's plans with type, granularity, refresh and counts", async ({ page, expectAccessible }) => {
    const plans = new PlansPage(page);
    await plans.goto("acme");
    await plans.expectLoaded();
    await expect(page.getByRole("heading", { name: "Plans · Acme Retail" })).toBeVisible();
    const orders = plans.row("orders_daily");
    await expect(orders).toContainText("Orders (daily)");
    await expect(orders).toContainText("EXTERNAL");
    await expect(orders).toContainText("DAY");
    await expect(orders).toContainText("Incremental");
    await expect(plans.row("revenue_monthly")).toContainText("MONTH");
    await expect(plans.row("customer_snapshot")).toContainText("Full");
    await expect(plans.row("store_sales_result")).toContainText("RESULT");
    await expect(plans.row("basket_accelerate")).toContainText("ACCELERATE");
    // A plan that exists only in the other tenant never shows here.
    await expect(plans.table).not.toContainText("shipments_daily");
    await page.screenshot({ path: "test-results/screens/plans-acme.png", fullPage: true });
    await expectAccessible(page);
  });

  test("filters by type and searches by name, keeping both in the URL", async ({ page }) => {
    const plans = new PlansPage(page);
    await plans.goto("acme");
    await plans.expectLoaded();
    await plans.typeFilter.selectOption("RESULT");
    await expect(page).toHaveURL(/type=RESULT/);
    await expect.poll(() => plans.planNames()).toEqual(["store_sales_result"]);

    await plans.typeFilter.selectOption("");
    await plans.search.fill("monthly");
    await plans.search.press("Enter");
    await expect(page).toHaveURL(/q=monthly/);
    await expect.poll(() => plans.planNames()).toEqual(["revenue_monthly"]);

    await plans.search.fill("no_such_plan");
    await plans.search.press("Enter");
    await expect(page.getByText("No plan matches these filters.")).toBeVisible();

    await page.goto("/t/acme/plans?q=orders");
    await expect.poll(async () => (await plans.planNames()).sort()).toEqual(["orders_daily", "orders_weekly"]);
  });

  test("a filter changed before the previous change has rendered still counts: the last choice wins", async ({ page }) => {
    const plans = new PlansPage(page);
    await plans.goto("acme", "?type=RESULT");
    await plans.expectLoaded();
    await expect.poll(() => plans.planNames()).toEqual(["store_sales_result"]);
    // Both changes in one task, as a quick user on a slow phone makes them: React renders the type's
    // navigation (a transition) in a later task, so the search is submitted before the page has
    // re-rendered with the cleared type. The search must not bring the old type back.
    await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('form[role="search"] select');
      const input = document.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]');
      if (!select || !input) throw new Error("the plans filters are not on the page");
      const settle = async () => {
        for (let i = 0; i < 10; i++) await Promise.resolve();
      };
      select.value = "";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await settle();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, "monthly");
      input.dispatchEvent(new Event("input", { bubbles: true }));
      await settle();
      input.form?.requestSubmit();
    });
    await expect(page).toHaveURL(/\?q=monthly$/);
    await expect(plans.typeFilter).toHaveValue("");
    await expect.poll(() => plans.planNames()).toEqual(["revenue_monthly"]);
  });

  test("switches tenant from the header", async ({ page }) => {
    const plans = new PlansPage(page);
    await plans.goto("acme");
    await plans.expectLoaded();
    await plans.tenantSwitcher.selectOption("globex");
    await expect(page).toHaveURL(/\/t\/globex\/plans/);
    await expect(page.getByRole("heading", { name: "Plans · Globex Logistics" })).toBeVisible();
    await expect(plans.row("shipments_daily")).toBeVisible();
    await expect(plans.table).not.toContainText("orders_daily");
  });

  test("an unknown tenant answers 404", async ({ page }) => {
    const response = await page.goto("/t/initech/plans");
    expect(response?.status()).toBe(404);
  });

  test("a CAN outage shows CAN's error and a retry that recovers", async ({ page, cleanSandbox, expectAccessible }) => {
    await cleanSandbox.setFaults([{ kind: "rejected", endpoint: "queryAccelerateResultPlanList", message: "tenant acme is under maintenance" }]);
    const plans = new PlansPage(page);
    await plans.goto("acme");
    const alert = page.getByRole("alert", { name: "The plans could not be loaded" });
    await expect(alert).toContainText("The plans could not be loaded");
    await expect(alert).toContainText("tenant acme is under maintenance");
    await expect(alert).toContainText("traceId");
    await page.screenshot({ path: "test-results/screens/plans-outage.png", fullPage: true });
    await expectAccessible(page);

    await cleanSandbox.clearFaults();
    await alert.getByRole("button", { name: "Retry" }).click();
    await plans.expectLoaded();
    await expect(plans.row("orders_daily")).toBeVisible();
  });

  test("an unreachable CAN (connection reset) is reported, not a blank page", async ({ page, cleanSandbox }) => {
    await cleanSandbox.setFaults([{ kind: "reset", endpoint: "queryAccelerateResultPlanList" }]);
    await page.goto("/t/acme/plans");
    await expect(page.getByRole("alert", { name: "The plans could not be loaded" })).toContainText("CAN could not be reached");
  });
});
