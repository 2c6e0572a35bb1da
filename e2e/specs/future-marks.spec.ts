import { callAction, findAction } from "../../tests/helpers/action-client";
import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName } from "../sandbox-control";
import { APP_BASE, APP_ROOT, canCalls, sessionCookie } from "../support/http-client";

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
  await cal.rangeInput.fill("2030-01-01..2030-01-05");
  await cal.rangeInput.press("Enter");
  await expect(cal.summary).toHaveText("5 partitions in 1 range");
  const note = page.getByRole("note").filter({ hasText: "refused for future partitions" });
  await expect(note).toContainText(/5 partitions are after today \(\d{4}-\d{2}-\d{2}, [A-Za-z_/+-]+\): 2030-01-01\.\.2030-01-05/);
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
  expect(future.value).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringMatching(/^5 partitions are after today .*2030-01-01\.\.2030-01-05.*empty partition/) } });
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
