import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import { AuditPage } from "../pages/audit-page";
import { SEED } from "../../tests/support/seed-data";

// The rows come from tests/support/seed-audit.ts, written before the server started. The demo admin
// holds audit:read in acme.

test.describe("audit log page", () => {
  test("lists the seeded actions with their outcomes; intents without an outcome read unknown (pending)", async ({ page, expectAccessible }) => {
    const audit = new AuditPage(page);
    await audit.goto("acme");
    await audit.expectLoaded();
    await audit.plan.fill(SEED.plan.name);
    await audit.apply.click();
    await expect(page).toHaveURL(/plan=e2e_audit_seed/);
    await expect(audit.rows()).toHaveCount(SEED.planActions);
    const text = await audit.table.innerText();
    for (const expected of [
      "ok",
      "rejected",
      "error",
      "unknown (pending)",
      "maintenance window",
      "trace-e2e-1",
      "ECONNREFUSED",
      "no answer within the timeout",
    ]) {
      expect(text).toContain(expected);
    }
    await expect(audit.table).not.toContainText(SEED.globexPlan.name);
    await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });
    await expectAccessible(page);
  });

  test("filters by outcome and actor, and pages with a keyset", async ({ page }) => {
    const audit = new AuditPage(page);
    await audit.goto("acme", `?plan=${SEED.plan.uuid}&outcome=rejected`);
    await expect(audit.rows()).toHaveCount(1);
    await expect(audit.rows().first()).toContainText("trace-e2e-1");
    await audit.goto("acme", `?plan=${SEED.plan.uuid}&actor=admin`);
    await expect(audit.rows()).toHaveCount(1);
    await expect(audit.rows().first()).toContainText("unknown (pending)");

    await audit.goto("acme", `?plan=${SEED.bulkPlan.name}`);
    await expect(audit.rows()).toHaveCount(50);
    const firstPage = await audit.rows().first().getAttribute("data-seq");
    await audit.older.click();
    await expect(page).toHaveURL(/before=\d+/);
    await expect(audit.rows()).toHaveCount(50);
    expect(Number(await audit.rows().first().getAttribute("data-seq"))).toBeLessThan(Number(firstPage));
    await audit.older.click();
    await expect(audit.rows()).toHaveCount(SEED.bulkCount - 100);
    await expect(audit.older).toHaveCount(0);
  });

  test("exports exactly the filtered rows as CSV and as JSON", async ({ page }) => {
    const audit = new AuditPage(page);
    await audit.goto("acme", `?plan=${SEED.plan.name}&outcome=ok`);
    await expect(audit.rows()).toHaveCount(1);

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), audit.exportCsv.click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^audit-acme-.*\.csv$/);
    const csv = readFileSync(await csvDownload.path(), "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toContain(`"time","seq","actor"`);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(SEED.plan.uuid);
    expect(csv[1]).toContain(`,"ok",`);

    await audit.goto("acme", `?plan=${SEED.plan.name}`);
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), audit.exportJson.click()]);
    const rows = JSON.parse(readFileSync(await jsonDownload.path(), "utf8")) as { planUuid: string; outcome: string; pending: boolean }[];
    expect(rows).toHaveLength(SEED.planActions);
    expect(rows.every((r) => r.planUuid === SEED.plan.uuid)).toBe(true);
    expect(rows.map((r) => r.outcome).sort()).toEqual(["error", "ok", "rejected", "unknown", "unknown"]);

    const bulk = await page.request.get(`/api/t/acme/audit/export?format=csv&plan=${SEED.bulkPlan.uuid}`);
    expect(bulk.headers()["content-type"]).toContain("text/csv");
    expect((await bulk.text()).trim().split("\r\n")).toHaveLength(SEED.bulkCount + 1);
  });
});
