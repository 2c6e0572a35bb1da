import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { PlansPage } from "../pages/plans-page";
import { planByName } from "../../tests/support/e2e-sandbox";

// The plans page's strips start with the page (docs/decisions/0033-strips-start-with-the-page.md):
// the server component reads them and streams them in the same response, so the browser never asks
// the health route on a page load, and the strips are in the HTML before any script runs. Later
// reads (another search, page or filter) still go through the route. Seeded plans only, no marks.

const SHOTS = "/tmp/shots-early";

/** Every request the browser makes to the health route, and every error it logs (a hydration mismatch is one). */
function watch(page: Page): { healthCalls: string[]; errors: string[] } {
  const seen = { healthCalls: [] as string[], errors: [] as string[] };
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith("/plans/health")) seen.healthCalls.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  return seen;
}

const stripsIn = (html: string) => html.split('data-testid="health-strip"').length - 1;

test.describe("plans page: the strips start with the page", () => {
  test("the strips are in the page's HTML and the browser does not ask the health route for them", async ({ page }) => {
    // The response as sent, no script run: the strips' markup is already in it.
    const response = await page.request.get("/t/acme/plans?q=_daily");
    expect(response.ok()).toBe(true);
    const strips = stripsIn(await response.text());
    expect(strips).toBeGreaterThan(0);

    const seen = watch(page);
    const plans = new PlansPage(page);
    await plans.goto("acme", "?q=_daily");
    await plans.expectLoaded();
    await expect(page.getByTestId("health-strip")).toHaveCount(strips);
    expect(seen.healthCalls).toEqual([]);
    expect(seen.errors).toEqual([]);

    // A search made on the page reads its strips through the route, once.
    await plans.search.fill("stock_levels_daily");
    await plans.search.press("Enter");
    await expect(plans.row("stock_levels_daily").getByTestId("health-strip")).toBeVisible();
    await expect(page.getByTestId("health-strip")).toHaveCount(1);
    expect(seen.healthCalls).toHaveLength(1);
    expect(seen.errors).toEqual([]);
  });

  test("the strips' cells are links the browser does not prefetch", async ({ page }) => {
    const prefetched: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.searchParams.has("_rsc") && url.searchParams.has("sel")) prefetched.push(url.pathname + url.search);
    });
    const plans = new PlansPage(page);
    await plans.goto("acme");
    await plans.expectLoaded();
    await expect(page.getByTestId("health-strip").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(prefetched).toEqual([]);
    // A cell still leads to its partition.
    await page.getByTestId("health-strip").first().getByRole("link").last().click();
    await expect(page).toHaveURL(/[?&]sel=\d{4}-\d{2}/);
  });

  test("a strip CAN is slow to give comes after the table, still without the route", async ({ page, cleanSandbox, expectAccessible }) => {
    const late = await planByName("acme", "stock_levels_daily");
    // Only this plan's partition list is slow (under the e2e app's 2 s CAN timeout): its row is CAN's
    // plan list and details, read at once.
    await cleanSandbox.setFaults([{ kind: "latency", ms: 1_500, endpoint: "queryMtPartitionList", uuid: late.uuid }]);
    const seen = watch(page);
    const plans = new PlansPage(page);
    // Not waiting for the load event: the document is not complete until the strip has streamed.
    await page.goto("/t/acme/plans?q=stock_levels_daily", { waitUntil: "commit" });
    const row = plans.row("stock_levels_daily");
    await expect(row.getByTestId("health-loading")).toBeVisible();
    await expect(row.getByTestId("health-strip")).toBeVisible();
    await plans.expectLoaded();
    await page.screenshot({ path: `${SHOTS}/strip-arrived.png` });
    expect(seen.healthCalls).toEqual([]);
    expect(seen.errors).toEqual([]);
    await expectAccessible(page);
  });
});
