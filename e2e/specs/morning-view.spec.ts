import type { Locator, Page } from "@playwright/test";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { addKeys, keyDistance, type Granularity } from "@/lib/partitions";
import { localYesterday } from "@/sandbox/clock";
import { demoAuthHeaders } from "@/sandbox/demo-auth-headers";
import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { PlansPage } from "../pages/plans-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// The plans page's morning view (issue 17 item 1, docs/decisions/0028-morning-view.md). The e2e seed
// ends on a fixed day (2026-10-31), so against the real today every seeded plan is late; each test
// adds three plans of its own to acme (the sandbox's /plans/many: bulk_plan_0001 DAY, 0002 MONTH,
// 0003 DAY) and loads their recent partitions through the sandbox's CAN API, relative to the
// server's today (this process's zone is the app's). No console mark is made, so no other spec's
// days are touched.

const ACME = DEMO_TENANTS.find((t) => t.id === "acme");
const Y = localYesterday();
/** The server's "last month": the month before the one today is in. */
const LAST_MONTH = addKeys(addKeys(Y, 1, "DAY").slice(0, 7), -1, "MONTH");

const range = (start: string, end: string, g: Granularity) => ({
  dateGranularity: g,
  startTime: g === "DAY" ? `${start}T00:00:00` : `${start}-01T00:00:00`,
  endTime: g === "DAY" ? `${end}T00:00:00` : `${end}-01T00:00:00`,
});

async function can(endpoint: "updatePartition" | "clearPartition", body: unknown): Promise<void> {
  if (!ACME) throw new Error("no acme demo tenant");
  const res = await fetch(`${sandbox.url}/anymetrics/api/v1/accelerate/plan/${endpoint}`, {
    method: "POST",
    headers: { ...(await demoAuthHeaders(sandbox.url, ACME)), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(((await res.json()) as { success?: boolean }).success, `${endpoint} ${JSON.stringify(body)}`).toBe(true);
}

/** Three fresh plans: 0001 loaded to yesterday but for one gap ten days ago, 0002 to last month, 0003 to yesterday. */
async function freshPlans(): Promise<{ gap: string; uuid: (name: string) => Promise<string> }> {
  await sandbox.addPlans("acme", 3);
  const uuid = async (name: string) => (await planByName("acme", name)).uuid;
  const gap = addKeys(Y, -10, "DAY");
  await can("updatePartition", {
    uuid: await uuid("bulk_plan_0001"),
    successTimeRange: [range(addKeys(Y, -39, "DAY"), addKeys(gap, -1, "DAY"), "DAY"), range(addKeys(gap, 1, "DAY"), Y, "DAY")],
  });
  await can("updatePartition", { uuid: await uuid("bulk_plan_0002"), successTimeRange: [range(addKeys(LAST_MONTH, -13, "MONTH"), LAST_MONTH, "MONTH")] });
  await can("updatePartition", { uuid: await uuid("bulk_plan_0003"), successTimeRange: [range(addKeys(Y, -39, "DAY"), Y, "DAY")] });
  return { gap, uuid };
}

async function stripOf(row: Locator): Promise<{ key: string; status: string }[]> {
  const strip = row.getByTestId("health-strip");
  await expect(strip).toBeVisible();
  return strip
    .locator("a[data-key]")
    .evaluateAll((cells) => cells.map((c) => ({ key: c.getAttribute("data-key") ?? "", status: c.getAttribute("data-status") ?? "" })));
}

async function openPlans(page: Page, query = ""): Promise<PlansPage> {
  const plans = new PlansPage(page);
  await plans.goto("acme", query);
  await plans.expectLoaded();
  // Every strip has arrived (the table paints first; the strips fill in).
  await expect(page.getByTestId("health-loading")).toHaveCount(0);
  return plans;
}

test.describe("plans page: the morning view", () => {
  test("a strip shows what the plan's calendar shows for the same partitions", async ({ page }) => {
    const { gap, uuid } = await freshPlans();
    const plans = await openPlans(page, "?q=bulk_plan_0001");
    const row = plans.row("bulk_plan_0001");
    const cells = await stripOf(row);
    expect(cells).toHaveLength(30);
    expect(cells.at(-1)).toEqual({ key: Y, status: "success" });
    expect(cells.find((c) => c.key === gap)?.status).toBe("missing");
    expect(cells.filter((c) => c.status !== "success")).toHaveLength(1);
    await expect(row.getByTestId("freshness")).toHaveText("✓ Up to date");
    await expect(row.getByTestId("window-counts")).toHaveText("Failed 0 · Not materialized 1 · Unknown 0");
    await expect(row.getByRole("link", { name: new RegExp(`not materialized`) })).toHaveCount(1);

    const calendar = new CalendarPage(page);
    for (const year of [...new Set(cells.map((c) => c.key.slice(0, 4)))]) {
      await calendar.goto("acme", await uuid("bulk_plan_0001"), `?year=${year}`);
      for (const c of cells.filter((x) => x.key.startsWith(year))) await calendar.expectStatus(c.key, c.status);
    }
  });

  test("a MONTH strip matches its calendar too", async ({ page }) => {
    const { uuid } = await freshPlans();
    const plans = await openPlans(page, "?q=bulk_plan_0002");
    const monthly = await stripOf(plans.row("bulk_plan_0002"));
    expect(monthly).toHaveLength(12);
    expect(monthly.at(-1)).toEqual({ key: LAST_MONTH, status: "success" });
    const calendar = new CalendarPage(page);
    await calendar.goto("acme", await uuid("bulk_plan_0002"));
    for (const c of monthly) await calendar.expectStatus(c.key, c.status);
  });

  test("the late seed plan's strip matches its calendar: nothing since it stopped", async ({ page }) => {
    const plans = await openPlans(page, "?q=stock_levels_daily");
    const late = await stripOf(plans.row("stock_levels_daily"));
    expect(late.every((c) => c.status === "missing")).toBe(true);
    const calendar = new CalendarPage(page);
    await calendar.goto("acme", (await planByName("acme", "stock_levels_daily")).uuid, `?year=${Y.slice(0, 4)}`);
    for (const c of late.filter((x) => x.key.startsWith(Y.slice(0, 4)))) await calendar.expectStatus(c.key, c.status);
  });

  test("late plans are flagged with their lateness and come first under 'needs attention'", async ({ page, expectAccessible }) => {
    const { uuid } = await freshPlans();
    // Made late here: its three newest partitions cleared.
    await can("clearPartition", { uuid: await uuid("bulk_plan_0003"), timeRange: [range(addKeys(Y, -2, "DAY"), Y, "DAY")] });

    // The seed's late plan stopped 35 days before the seed end: the latest of acme's plans.
    const seedLate = keyDistance("2026-09-26", Y, "DAY");
    let plans = await openPlans(page, "?attention=1");
    await expect(plans.table.locator("tbody tr").first()).toContainText("stock_levels_daily");
    await expect(plans.row("stock_levels_daily").getByTestId("freshness")).toHaveText(`⚠ Late by ${seedLate} days`);
    await expect(plans.row("stock_levels_daily").getByTestId("latest-success")).toHaveText(`Latest success 2026-09-26 (expected ${Y})`);
    // Non-external plans keep their rows as they were, and are not "needing attention".
    await expect(plans.row("store_sales_result")).toHaveCount(0);

    // Among the test's own plans: the one cleared is late by 3 days and first; the one with a gap follows; the fresh MONTH plan is filtered out.
    plans = await openPlans(page, "?q=bulk_plan&attention=1");
    await expect.poll(() => plans.planNames()).toEqual(["bulk_plan_0003", "bulk_plan_0001"]);
    await expect(plans.row("bulk_plan_0003").getByTestId("freshness")).toHaveText("⚠ Late by 3 days");
    await expect(plans.row("bulk_plan_0001").getByTestId("freshness")).toHaveText("✓ Up to date");
    await expectAccessible(page);

    // The controls write the URL; sorting by name keeps the filter.
    await page.getByLabel("Sort").selectOption("name");
    await expect(page).toHaveURL(/sort=name/);
    await expect(page).toHaveURL(/attention=1/);
    await expect.poll(() => plans.planNames()).toEqual(["bulk_plan_0001", "bulk_plan_0003"]);
    await page.getByLabel("Needs attention only").uncheck();
    await expect.poll(() => plans.planNames()).toEqual(["bulk_plan_0001", "bulk_plan_0002", "bulk_plan_0003"]);
  });

  test("an unreachable CAN for one plan's partitions shows in that row only", async ({ page, cleanSandbox }) => {
    const { uuid } = await freshPlans();
    await cleanSandbox.setFaults([{ kind: "reset", endpoint: "queryMtPartitionList", uuid: await uuid("bulk_plan_0001") }]);
    const plans = await openPlans(page, "?q=bulk_plan");
    await expect(plans.row("bulk_plan_0001").getByTestId("health-error")).toBeVisible();
    await expect(plans.row("bulk_plan_0003").getByTestId("health-strip")).toBeVisible();
    await expect(plans.row("bulk_plan_0002").getByTestId("health-strip")).toBeVisible();
    await expect(page.getByTestId("health-error")).toHaveCount(1);
    await expect(page.getByRole("alert", { name: "The plans could not be loaded" })).toHaveCount(0);
  });

  test("a strip cell opens the plan's calendar at that partition, selected", async ({ page }) => {
    const { gap } = await freshPlans();
    const plans = await openPlans(page, "?q=bulk_plan_0001");
    await plans.row("bulk_plan_0001").getByTestId("health-strip").locator(`a[data-key="${gap}"]`).click();
    await expect(page).toHaveURL(new RegExp(`sel=${gap}`));
    await expect(new CalendarPage(page).cell(gap)).toHaveAttribute("aria-pressed", "true");
  });

  test("a strip is one tab stop whose arrows walk its cells, and Enter opens the calendar", async ({ page }) => {
    const { gap } = await freshPlans();
    const plans = await openPlans(page, "?q=bulk_plan_0001");
    const strip = plans.row("bulk_plan_0001").getByTestId("health-strip");
    await expect(strip.locator('a[tabindex="0"]')).toHaveCount(1);
    const newest = strip.locator(`a[data-key="${Y}"]`);
    await expect(newest).toHaveAttribute("tabindex", "0");
    await newest.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
    await expect(strip.locator(`a[data-key="${gap}"]`)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`sel=${gap}`));
    await expect(new CalendarPage(page).cell(gap)).toHaveAttribute("aria-pressed", "true");
  });
});

test.describe("plans page: the morning view in 简体中文", () => {
  test.use({ locale: "zh-CN" });

  test("strips, freshness and the controls read in Chinese and are axe-clean", async ({ page, expectAccessible }) => {
    // Two rows (the axe scan of a whole page of strips is slow on a busy machine): the seed's late plan first.
    await page.goto("/t/acme/plans?q=_daily&attention=1");
    const table = page.getByRole("table", { name: "物化方案" });
    await expect(table).toBeVisible();
    await expect(page.getByTestId("health-loading")).toHaveCount(0);
    await expect(table.locator("tbody tr").first()).toContainText("stock_levels_daily");
    await expect(table.locator("tbody tr").first().getByTestId("freshness")).toHaveText(`⚠ 延迟 ${keyDistance("2026-09-26", Y, "DAY")} 天`);
    await expect(page.getByLabel("仅显示需要关注的方案")).toBeChecked();
    await expectAccessible(page);
  });
});
