import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { SEED } from "../../tests/support/seed-data";

// Runs in both browser zones (playwright.config.ts): each reads the same rows in its own time.
test.use({ user: "admin" });

function expectedLabel(iso: string, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

test("the audit log shows YYYY-MM-DD HH:mm in the browser's zone, names the zone, and keeps the ISO instant", async ({ page }, testInfo) => {
  const zone = testInfo.project.use.timezoneId ?? "UTC";
  const audit = new AuditPage(page);
  await audit.goto("acme", `?plan=${SEED.plan.name}`);
  await expect(audit.table.getByRole("columnheader").first()).toHaveText(new RegExp(`^Time \\(${zone}, UTC[+-]\\d\\d:\\d\\d\\)$`));
  const time = audit.rows().first().locator("time").first();
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  await expect(time).toHaveAttribute("title", iso!);
  await expect(time).toHaveText(expectedLabel(iso!, zone));
  await expect(page.getByText(`Days and times are in your time zone (${zone}`)).toBeVisible();
});
