import { expect, test } from "../fixtures";
import { planByName } from "../../tests/support/e2e-sandbox";

test.describe("plan page", () => {
  test("shows the plan's details and every partition CAN lists", async ({ page, cleanSandbox }) => {
    const plan = await planByName("acme", "orders_daily");
    const state = await cleanSandbox.state("acme", plan.uuid);
    const listed = Object.values(state.partitions).filter((p) => p.status === "success").length;
    await page.goto(`/t/acme/plans/${plan.uuid}`);
    await expect(page.getByRole("heading", { name: "Orders (daily)" })).toBeVisible();
    await expect(page.getByText(`${listed.toLocaleString("en-US")} listed`)).toBeVisible();
    await page.getByText("Plan details").click();
    await expect(page.getByText("Granularity")).toBeVisible();
  });

  test("a uuid from another tenant answers like an unknown plan", async ({ page }) => {
    const plan = await planByName("globex", "shipments_daily");
    await page.goto(`/t/acme/plans/${plan.uuid}`);
    await expect(page.getByRole("alert", { name: "The plan could not be loaded" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Shipments (daily)");
  });
});
