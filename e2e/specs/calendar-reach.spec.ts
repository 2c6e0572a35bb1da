import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName } from "../../tests/support/e2e-sandbox";

// Issue 16, items 14–16: details at the cell (a popover that follows the focus), "selected" and
// "today" told apart without colour, and the keyboard's reach (skip link, landing cell, shortcuts).
test.use({ user: "operator" });
// Long keyboard walks, a mark and accessibility scans of a 365-day grid.
test.slow();

test("skip link, Tab lands on the latest partition, arrows work, S opens the success dialog, typing does not", async ({ page, expectAccessible }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid);
  const latest = (await cal.partitionKeys()).at(-1);
  expect(latest).toBeTruthy();

  // The skip link comes before everything else on the page; the header's controls come first.
  let tabs = 0;
  while (!(await cal.skipLink.evaluate((a) => a === document.activeElement)) && tabs < 15) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  await expect(cal.skipLink).toBeFocused();
  await expect(cal.skipLink).toBeVisible(); // shown while focused
  await page.keyboard.press("Enter");
  await expect(cal.cell(latest as string)).toBeFocused();
  await expect(cal.cell(latest as string)).toHaveAttribute("tabindex", "0");
  await expect(cal.cell(latest as string)).not.toHaveAttribute("data-status", /future|outside/);

  // The popover follows the focus: the cell's date and status, described by it.
  await expect(cal.details).toBeVisible();
  // The latest partition is today itself when the server's date is already the browser's tomorrow
  // (Los Angeles after 16:00 against a UTC server): then the popover says so.
  await expect(cal.details).toContainText(new RegExp(`${latest}( \\(today\\))? · `));
  await expect(cal.cell(latest as string)).toHaveAccessibleDescription(new RegExp(`^${latest}`));
  await page.keyboard.press("ArrowLeft");
  const before = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
  expect(before).not.toBe(latest);
  await expect(cal.details).toContainText(`${before} · `);
  await page.screenshot({ path: "/tmp/shots-planpage/popover-1280.png" });

  // Escape hides the details first (the selection stays), then clears the selection.
  await page.keyboard.press("Space");
  await expect(cal.summary).toHaveText("1 partition in 1 range");
  await page.keyboard.press("Escape");
  await expect(cal.details).toBeHidden();
  await expect(cal.summary).toHaveText("1 partition in 1 range");
  await page.keyboard.press("Escape");
  await expect(cal.summary).toHaveText("No partition selected");

  // Shortcuts are shown and announced, and act only with a selection and outside text fields.
  await expect(cal.markSuccess).toHaveAttribute("aria-keyshortcuts", "S");
  await expect(cal.markFailed).toHaveAttribute("aria-keyshortcuts", "F");
  await expect(cal.clear).toHaveAttribute("aria-keyshortcuts", "C");
  await page.keyboard.press("s");
  await expect(cal.dialog).toBeHidden(); // nothing selected
  await page.keyboard.press("Space");
  await page.keyboard.press("s");
  await expect(cal.dialog).toBeVisible();
  await expect(cal.dialog).toContainText("1 partition in 1 range will be sent as success");
  await page.keyboard.press("Escape");
  await expect(cal.dialog).toBeHidden();
  await cal.rangeInput.fill("");
  await cal.rangeInput.press("s");
  await expect(cal.rangeInput).toHaveValue("s");
  await expect(cal.dialog).toBeHidden();
  await expectAccessible(page);
});

test("the popover shows who marked a cell and when; selected and today look different and say so", async ({ page, expectAccessible }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid, "?year=2026&sel=2026-11-19");
  await cal.cell("2026-11-19").focus();
  await page.keyboard.press("f");
  await cal.confirmDialog();
  await expect(page.getByRole("status").filter({ hasText: "1 partition marked failed" })).toBeVisible();
  await cal.expectStatus("2026-11-19", "failed");
  await cal.cell("2026-11-19").hover();
  await expect(cal.details).toContainText("2026-11-19 · Failed");
  await expect(cal.details).toContainText(/This console: last marked failed by operator at .+/);

  // In forced colours (high contrast) every fill is dropped: a success day keeps a solid border, so
  // it is not taken for a day outside the plan. 2026 holds the seed's partitions whatever today is.
  const borderOf = (el: Element) => getComputedStyle(el).borderTopWidth;
  const aSuccess = page.locator('[aria-label^="Partitions of"] button[data-status="success"]').first();
  expect(await aSuccess.evaluate(borderOf)).toBe("0px");
  await page.emulateMedia({ forcedColors: "active" });
  expect(await aSuccess.evaluate(borderOf)).toBe("1px");
  await page.emulateMedia({ forcedColors: "none" });

  // Selected: a thick ring and a check mark. Today: a bar under the day and "today" in its name.
  // Each is looked at in its own year, so the test holds on 1 January as on any other day.
  const [todayKey, yesterdayKey] = await page.evaluate(() => {
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const d = new Date();
    return [key(d), key(new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1))];
  });
  await cal.goto("acme", plan.uuid, `?year=${yesterdayKey.slice(0, 4)}`);
  const latest = (await cal.partitionKeys()).filter((k) => k < todayKey).at(-1) as string;
  await cal.goto("acme", plan.uuid, `?year=${latest.slice(0, 4)}&sel=${latest}`);
  const selected = cal.cell(latest);
  await expect(selected).toHaveAttribute("aria-pressed", "true");
  // The check badge is drawn by the cell's ::before (a check on a dark disc), not by an element.
  const badge = (el: Element) => {
    const b = getComputedStyle(el, "::before");
    return { content: b.content, image: b.backgroundImage, width: b.width };
  };
  expect(await selected.evaluate(badge)).toEqual({ content: '""', image: expect.stringContaining("svg"), width: "13px" });
  await expect(selected).not.toHaveAccessibleName(/today/);
  expect(await selected.evaluate((el) => getComputedStyle(el, "::after").content)).toBe("none");
  expect(await selected.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe("none");
  // In forced colours the ring and the badge's fill are dropped: an outline and a check in system colours instead.
  await page.emulateMedia({ forcedColors: "active" });
  expect(await selected.evaluate((el) => [getComputedStyle(el, "::before").content, getComputedStyle(el).outlineStyle])).toEqual(['"✓"', "solid"]);
  await page.emulateMedia({ forcedColors: "none" });

  await cal.goto("acme", plan.uuid, `?year=${todayKey.slice(0, 4)}&sel=${latest}`);
  const today = cal.cell(todayKey);
  await expect(today).toHaveAttribute("aria-pressed", "false");
  await expect(today).toHaveAccessibleName(new RegExp(`, today, .*`));
  await expect(today).toHaveAttribute("data-status", "outside");
  expect((await today.evaluate(badge)).content).toBe("none");
  expect(await today.evaluate((el) => getComputedStyle(el, "::after").content)).toBe('""');
  expect(await today.evaluate((el) => getComputedStyle(el).boxShadow)).toBe("none");
  await page.emulateMedia({ forcedColors: "active" });
  expect(await today.evaluate((el) => [getComputedStyle(el, "::before").content, getComputedStyle(el).borderTopWidth])).toEqual(["none", "0px"]);
  await page.emulateMedia({ forcedColors: "none" });
  const legend = page.getByRole("region", { name: "Legend" });
  await expect(legend).toContainText("Selected: thick ring and check mark");
  await expect(legend).toContainText("Today: bar under the day");
  await today.hover();
  await page.screenshot({ path: "/tmp/shots-planpage/selected-today-1280.png" });
  await expectAccessible(page);
});
