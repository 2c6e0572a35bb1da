import type { Request } from "@playwright/test";
import { expect, test } from "../fixtures";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";

// A viewer sees no mark buttons, and replaying an operator's mark action with a viewer's session is
// refused by the server and changes nothing in CAN. The operator's request is captured and aborted
// in the browser, so it never reaches the server either.
const PLAN = "clickstream_events_10y";
const DAY = "2026-11-10";

test.use({ user: "viewer" });

test("a viewer has no mark buttons, and a replayed mark action is refused and changes nothing", async ({ page, browser, signIn }) => {
  const plan = await planByName("acme", PLAN);

  // 1. Capture what the browser posts for an operator's mark (without letting it through).
  const context = await browser.newContext();
  const operator = await context.newPage();
  let captured: Request | undefined;
  try {
    await signIn(operator, "operator");
    await operator.route(`**/t/acme/plans/${plan.uuid}**`, async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        captured = request;
        await route.abort();
      } else {
        await route.continue();
      }
    });
    const cal = new CalendarPage(operator);
    await cal.goto("acme", plan.uuid, "?year=2026");
    await cal.cell(DAY).click();
    await cal.markSuccess.click();
    await cal.confirmDialog();
    await expect.poll(() => captured !== undefined).toBe(true);
  } finally {
    await context.close();
  }
  const action = captured!;
  const body = action.postDataBuffer();
  expect(body).not.toBeNull();

  // 2. The viewer's page offers no way to mark.
  const cal = new CalendarPage(page);
  await cal.goto("acme", plan.uuid, "?year=2026");
  await expect(page.getByRole("note").filter({ hasText: "can browse but not mark" })).toBeVisible();
  await expect(cal.markSuccess).toHaveCount(0);
  await expect(cal.markFailed).toHaveCount(0);

  // 3. The same action posted with the viewer's session cookie is refused; CAN saw nothing.
  const before = (await sandbox.state("acme", plan.uuid)).partitions[DAY];
  const headers = Object.fromEntries(Object.entries(action.headers()).filter(([k]) => !["cookie", "content-length", "host"].includes(k)));
  const response = await page.request.post(action.url(), { headers, data: body! });
  const text = await response.text();
  expect(text).toContain("FORBIDDEN");
  expect(text).not.toContain("partitions marked");
  expect((await sandbox.state("acme", plan.uuid)).partitions[DAY]).toEqual(before);
  const counts = (await sandbox.requests()) as { byEndpoint: Record<string, number> };
  expect(counts.byEndpoint.updatePartition ?? 0).toBe(0);
});
