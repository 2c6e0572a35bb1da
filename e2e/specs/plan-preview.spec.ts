import type { Locator } from "@playwright/test";
import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// Issue 23 item 5 (ADR 0043): a long partition list's first pages already hold the year the
// calendar opens on; the page draws that year, read-only, while the rest is read, then the full
// calendar replaces it in the same response. 10 years of days are 37 pages of 100, read 6 at a
// time: with each page answered after 1.2 s (under the e2e app's 2 s timeout) the year's pages are
// in after two rounds (about 2.4 s) and the whole list after seven (about 8.4 s).
test.use({ user: "operator" });
test.slow();

const SLOW_LIST = [{ kind: "latency" as const, ms: 1_200, endpoint: "queryMtPartitionList", tenant: "acme" }];
const PREVIEW_MARKUP = 'data-testid="plan-preview"';

/** Each drawn day cell's key and status (`data-status`), in key order. */
const statusesIn = (scope: Locator) =>
  scope.locator("button[data-key]").evaluateAll((cells) => cells.map((c) => `${c.getAttribute("data-key")}=${c.getAttribute("data-status")}`).sort());

test("a long plan shows the year it opens on from the first pages, read-only, then the full calendar, which marks", async ({ page, expectAccessible }) => {
  const plan = await planByName("acme", "clickstream_events_10y");
  await sandbox.setFaults(SLOW_LIST);
  // The response streams for seconds: take the page as it arrives, not at its load event. The year
  // is the address bar's: by default the page opens on the year of yesterday, which from 2027 on
  // would hold none of the seed's partitions (it ends on 2026-10-31) and no success to check.
  await page.goto(`/t/acme/plans/${plan.uuid}?year=2026`, { waitUntil: "commit" });
  const preview = page.getByTestId("plan-preview");
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("plan-skeleton")).toHaveCount(0);
  await expect(preview.getByRole("heading", { level: 1, name: "Clickstream events (10 years)" })).toBeVisible();
  await expect(preview.getByRole("status")).toHaveText(
    /^Showing (\d{4}) from the first \d+ of 37 pages of CAN's list; the rest of the history is being read\. Marking opens when the whole list is in\.$/,
  );
  const year = (await preview.getByRole("heading", { level: 2 }).textContent()) ?? "";
  expect(year).toBe("2026");
  await expect(preview.getByRole("status")).toContainText(`Showing ${year} from`);
  const grid = preview.getByRole("group", { name: `Partitions of ${year} (read-only while the list is read)` });
  await expect(grid.getByRole("grid")).toHaveCount(12);
  // Statuses in words and symbols: each cell's name says its state; the legend names them without counts.
  const success = grid.locator('button[data-status="success"]').first();
  await expect(success).toHaveAttribute("aria-label", new RegExp(`^\\d{1,2} \\w+ ${year}, success$`));
  const day = (await success.getAttribute("data-key")) ?? "";
  await expect(preview.getByTestId("count-success")).toHaveCount(0);
  // Read-only: nothing to mark with, and a click selects nothing.
  await expect(page.getByRole("button", { name: /^Mark / })).toHaveCount(0);
  await expect(page.getByTestId("selection-summary")).toHaveCount(0);
  // Its cells say they cannot be pressed (aria-disabled), and pressing one anyway selects nothing.
  await expect(grid.locator(`button[data-key="${day}"]`)).toBeDisabled();
  await expect(grid.locator('button[aria-disabled="true"]')).toHaveCount(await grid.locator("button[data-key]").count());
  await grid.locator(`button[data-key="${day}"]`).click({ force: true });
  await expect(grid.locator('button[aria-pressed="true"]')).toHaveCount(0);
  const previewed = await statusesIn(grid);
  expect(previewed.length).toBeGreaterThanOrEqual(365);
  await expectAccessible(page);

  // The full calendar replaces it, on the same year with the same statuses, and marks.
  const cal = new CalendarPage(page);
  await expect(page.locator('[data-hydrated="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(preview).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: year, exact: true })).toBeVisible();
  expect(await statusesIn(cal.monthGrids(Number(year)))).toEqual(previewed);
  await sandbox.clearFaults();
  await cal.expectStatus(day, "success");
  await cal.cell(day).click();
  await cal.markFailed.click();
  await cal.confirmDialog("clickstream_events_10y"); // it removes a partition queries hit
  await expect(page.getByRole("status").filter({ hasText: "1 partition marked failed" })).toBeVisible();
  await cal.expectStatus(day, "failed");
});

test("the same plan's HTML carries the preview only when its pages are newest first", { tag: "@zone-free" }, async ({ page }) => {
  const plan = await planByName("acme", "clickstream_events_10y");
  await sandbox.setFaults(SLOW_LIST);
  const newestFirst = await (await page.request.get(`/t/acme/plans/${plan.uuid}`, { timeout: 60_000 })).text();
  expect(newestFirst).toContain(PREVIEW_MARKUP);

  // The other reading of CAN's order: the first pages prove nothing about the year, so the loading
  // frame stays until the whole list is in, and the page loads as before.
  await sandbox.configure({ listOrder: "oldest-first" });
  const oldestFirst = await (await page.request.get(`/t/acme/plans/${plan.uuid}`, { timeout: 60_000 })).text();
  expect(oldestFirst).toContain('data-testid="plan-skeleton"');
  expect(oldestFirst).not.toContain(PREVIEW_MARKUP);
  await sandbox.clearFaults();
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid);
  await expect(page.getByTestId("plan-preview")).toHaveCount(0);
  await expect(cal.markSuccess).toBeVisible();
});
