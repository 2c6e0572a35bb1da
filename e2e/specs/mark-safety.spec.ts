import { callAction, findAction } from "../../tests/support/action-client";
import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, APP_ROOT, canCalls, sessionCookie } from "../../tests/support/http-client";

// Partitions after the server's today cannot be marked success or failed: not from the page (the
// buttons say why and offer to drop them), not by a forged server-action call, not by a scheduler
// (that refusal is in the scheduler-api spec). Past ranges outside the plan's window ask for the
// typed name, and the dialog names the part of the selection that is not on screen.

test.use({ user: "operator" });
const IP = "10.77.1.6";

/** A day key `days` from the real UTC date: ±3 days is past/future in every zone on earth. */
function utcDayFrom(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a typed future range cannot be marked success or failed; the page says why and keeps the past part", async ({ page, expectAccessible }) => {
  test.slow(); // an axe scan of a 365-cell year, then two more selections
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid);
  // A year and more ahead, so it stays in the future whatever the date.
  const [farStart, farEnd] = [utcDayFrom(400), utcDayFrom(404)];
  await cal.rangeInput.fill(`${farStart}..${farEnd}`);
  await cal.rangeInput.press("Enter");
  await expect(cal.summary).toHaveText("5 partitions in 1 range");
  const note = page.getByRole("note").filter({ hasText: "refused for future partitions" });
  await expect(note).toContainText(new RegExp(`5 partitions are after today \\(\\d{4}-\\d{2}-\\d{2}, [A-Za-z_/+-]+\\): ${farStart}\\.\\.${farEnd}`));
  await expect(cal.markSuccess).toBeDisabled();
  await expect(cal.markFailed).toBeDisabled();
  await expect(cal.clear, "clearing a future partition sends no queries anywhere").toBeEnabled();
  await expectAccessible(page);

  // A range across today: only its future part is refused, and one click keeps the rest.
  const start = utcDayFrom(-3);
  await cal.rangeInput.fill(`${start}..${utcDayFrom(3)}`);
  await cal.rangeInput.press("Enter");
  await expect(note).toBeVisible();
  const today = /after today \((\d{4}-\d{2}-\d{2}),/.exec((await note.textContent()) ?? "")?.[1];
  expect(today, "the note names the server's today").toBeTruthy();
  await note.getByRole("button", { name: `Keep only up to ${today}` }).click();
  await expect(note).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`sel=${start}\\.\\.${today}`));
  await expect(cal.markSuccess).toBeEnabled();
});

test("the server refuses a future mark sent around the page, before anything reaches CAN", async () => {
  const plan = await planByName("acme", "orders_daily");
  const cookie = await sessionCookie("operator", IP);
  const before = await canCalls();
  const send = (success: { start: string; end: string }[]) =>
    callAction<{ ok: boolean; error?: { code: string; message: string } }>(APP_BASE, findAction(APP_ROOT, "markPartitionsAction"), {
      path: `/t/acme/plans/${plan.uuid}`,
      args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success }],
      cookie,
      headers: { "x-forwarded-for": IP },
    });
  const future = await send([{ start: "2030-01-01", end: "2030-01-05" }]);
  expect(future.value).toMatchObject({
    ok: false,
    error: { code: "VALIDATION", message: expect.stringMatching(/^5 partitions are after today .*2030-01-01\.\.2030-01-05.*empty partition/) },
  });
  const tomorrowAnywhere = await send([{ start: utcDayFrom(-1), end: utcDayFrom(2) }]);
  expect(tomorrowAnywhere.value).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/after today/) } });
  expect((await canCalls()).byTenantAndEndpoint.acme?.updatePartition ?? 0, "no mark reached CAN").toBe(before.byTenantAndEndpoint.acme?.updatePartition ?? 0);
});

test("a past range outside the plan's window asks for the plan name, and the dialog shows what is off screen", async ({ page }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid, "?year=2026&sel=2001-03-01..2001-03-02");
  await expect(cal.summary).toHaveText("2 partitions in 1 range");
  await cal.markSuccess.click();
  await expect(cal.dialog.getByTestId("off-screen")).toContainText("Not on screen (the calendar shows 2026): 2001-03-01..2001-03-02");
  await expect(cal.dialog.getByTestId("outside-window")).toContainText("2001-03-01..2001-03-02");
  await expect(cal.confirm).toBeDisabled();
  await cal.dialog.getByLabel(/Type the plan name/).fill("orders_daily");
  await expect(cal.confirm).toBeEnabled();
  await page.keyboard.press("Escape");
  await expect(cal.dialog).toBeHidden();
});

test("the dialog shows what changes apart from what is already in the target status, and says when nothing changes", async ({ page }) => {
  const plan = await planByName("acme", "orders_daily");
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid, "?year=2026&sel=2026-11-10..2026-11-12");
  // November is not in CAN's list (the sandbox is seeded to October): whatever these read now, a
  // success mark makes them success.
  await cal.markSuccess.click();
  await cal.confirmDialog();
  await expect(page.getByRole("status").filter({ hasText: "3 partitions marked success" })).toBeVisible();
  for (const key of ["2026-11-10", "2026-11-11", "2026-11-12"]) await cal.expectStatus(key, "success");

  await cal.rangeInput.fill("2026-11-10..2026-11-14");
  await cal.rangeInput.press("Enter");
  await cal.markSuccess.click();
  await expect(cal.dialog.getByTestId("mark-effect")).toContainText("Changes: 2 partitions become success");
  await expect(cal.dialog.getByTestId("mark-unchanged")).toHaveText("Already success, unchanged: 3");
  await expect(cal.confirm).toHaveText("Confirm: mark partitions success");
  await page.keyboard.press("Escape");

  await cal.rangeInput.fill("2026-11-10..2026-11-12");
  await cal.rangeInput.press("Enter");
  await cal.markSuccess.click();
  await expect(cal.dialog.getByTestId("mark-no-op")).toHaveText(
    "Nothing changes: all 3 partitions are already success. Sending it only repeats their status to CAN.",
  );
  await expect(cal.dialog.getByTestId("mark-effect")).toHaveCount(0);
  await expect(cal.confirm).toHaveText("Confirm anyway: mark partitions success");
  await page.keyboard.press("Escape");
  await expect(cal.dialog).toBeHidden();
});

test("a partition CAN's documented list leaves out reads 'not materialized', not 'never recorded'; the legend and details say what each state means for the list CAN sent", async ({
  page,
}) => {
  const plan = await planByName("acme", "orders_daily");
  const state = await sandbox.state("acme", plan.uuid);
  // A day CAN holds as failed: its documented list (materialized partitions only) leaves it out.
  const failedKey = Object.keys(state.partitions)
    // 2024: a year no spec marks, so the console holds no mark of it that would be shown instead.
    .filter((k) => k.startsWith("2024-") && state.partitions[k]?.status === "failed")
    .sort()
    .at(-1);
  expect(failedKey, "the seed has a failed day in 2024").toBeTruthy();
  const key = failedKey as string;
  const cal = new CalendarPage(page);
  const legend = page.getByRole("region", { name: "Legend" });
  const inspector = page.getByTestId("cell-inspector");

  await sandbox.configure({ shape: "documented" });
  await cal.goto("acme", plan.uuid, "?year=2024");
  await cal.expectStatus(key, "missing");
  await expect(cal.cell(key)).toHaveAccessibleName(/, not materialized$/);
  await cal.cell(key).hover();
  await expect(inspector).toContainText(`${key} · Not materialized: CAN does not list it. CAN lists materialized partitions only, so it may have failed`);
  await legend.getByText("What each state means").click();
  await expect(legend).toContainText("CAN's list for this plan carries no statuses: it holds materialized partitions only");
  await expect(legend.getByTestId("status-meanings")).toContainText("Not materializedCAN does not list it. CAN lists materialized partitions only");

  await sandbox.configure({ shape: "detailed" });
  await cal.goto("acme", plan.uuid, "?year=2024");
  await cal.expectStatus(key, "failed");
  await cal.cell(key).hover();
  await expect(inspector).toContainText(`${key} · Failed: CAN lists it as failed`);
  await legend.getByText("What each state means").click();
  await expect(legend).toContainText("CAN's list for this plan carries a status for each partition it holds.");
  await expect(legend.getByTestId("status-meanings")).toContainText("Not materializedCAN does not list it: CAN holds no record of it");
});
