import { expect, test } from "../fixtures";
import { planByName } from "../../tests/support/e2e-sandbox";

// Every page fits a 390 px phone: nothing makes the page itself scroll sideways. Wide content (the
// tables, the year strip) scrolls inside its own box.

test.use({ user: "admin", viewport: { width: 390, height: 844 } });

test("every page fits 390 px with no horizontal page scroll", { tag: "@zone-free" }, async ({ page }) => {
  const daily = await planByName("acme", "orders_daily");
  const weekly = await planByName("acme", "orders_weekly");
  const paths = [
    "/t/acme/plans",
    `/t/acme/plans/${daily.uuid}?year=2026`,
    `/t/acme/plans/${weekly.uuid}`,
    "/t/acme/audit",
    "/admin",
    "/settings",
    "/t/acme/no-such-page",
  ];
  const overflowing: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const widths = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      // The widest elements that stick out, to say what to fix.
      const culprits = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")} ${Math.round(el.getBoundingClientRect().right)}`,
        );
      return { scroll: root.scrollWidth, client: root.clientWidth, culprits };
    });
    if (widths.scroll > widths.client) overflowing.push(`${path}: ${widths.scroll} > ${widths.client} (${widths.culprits.join("; ")})`);
  }
  expect(overflowing).toEqual([]);
});

test("on a phone the plans table shows each plan with its health, without scrolling the table", { tag: "@zone-free" }, async ({ page }) => {
  await page.goto("/t/acme/plans");
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  const table = page.getByRole("table", { name: "Materialization plans" });
  const health = table.getByTestId("health-cell").first();
  await expect(health.getByTestId("health-strip")).toBeVisible();
  // The details (technical name, type, granularity…) are a wider screen's: the plan's own name is the link.
  await expect(table.getByRole("columnheader", { name: "Type" })).toBeHidden();
  const box = page.getByRole("group", { name: /^Materialization plans, scrolls sideways/ });
  expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  expect(await health.evaluate((el) => el.getBoundingClientRect().right - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("on a phone the selection panel does not stay over the calendar", { tag: "@zone-free" }, async ({ page }) => {
  const daily = await planByName("acme", "orders_daily");
  await page.goto(`/t/acme/plans/${daily.uuid}?year=2026`);
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible();
  await page.locator('button[data-key="2026-10-20"]').click();
  await page.locator('button[data-key="2026-12-31"]').scrollIntoViewIfNeeded();
  const covered = await page.getByRole("region", { name: "Selection" }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0)) / window.innerHeight;
  });
  expect(covered).toBeLessThan(0.25);
});

test("the sign-in page fits 390 px", { tag: "@zone-free" }, async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
  await context.close();
});
