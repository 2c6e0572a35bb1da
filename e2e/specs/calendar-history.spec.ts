import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName } from "../../tests/support/e2e-sandbox";

// Back and Forward restore the plan page from the router's cache, drawn for the URL it was first
// requested with; the selection and year written into the URL afterwards must come back with it.
test.use({ user: "operator" });

test("Back to a plan restores the year and the selection its URL holds", async ({ page }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid, "?year=2026");
  await page.getByRole("button", { name: /^Previous year/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2025" })).toBeVisible();
  await cal.rangeInput.fill("2025-03-03..2025-03-05");
  await cal.rangeInput.press("Enter");
  await expect(cal.summary).toHaveText("3 partitions in 1 range");
  await expect(page).toHaveURL(/year=2025&sel=2025-03-03\.\.2025-03-05$/);

  await page.getByRole("link", { name: "All plans" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Plans · / })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/year=2025&sel=2025-03-03\.\.2025-03-05$/);
  await expect(page.getByRole("heading", { level: 2, name: "2025" })).toBeVisible();
  await expect(cal.summary).toHaveText("3 partitions in 1 range");
  await expect(cal.cell("2025-03-04")).toHaveAttribute("aria-pressed", "true");

  // And Forward then Back again, the same.
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: /^Plans · / })).toBeVisible();
  await page.goBack();
  await expect(cal.summary).toHaveText("3 partitions in 1 range");
  await expect(cal.cell("2025-03-03")).toHaveAttribute("aria-pressed", "true");
});
