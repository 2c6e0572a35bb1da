import { expect, test } from "../fixtures";
import { AdminPage } from "../pages/admin-page";
import { AuditPage } from "../pages/audit-page";
import { SEED } from "../../tests/support/seed-data";

test.use({ user: "admin" });

test("a role grant says to whom and which role without opening its details", async ({ page, expectAccessible }) => {
  const username = `grant${Date.now().toString(36)}`;
  const admin = new AdminPage(page);
  await admin.goto();
  await admin.addPerson("Acme Retail", { username, role: "auditor", name: "Gran Tee", password: "grant-password-1" });
  await expect(admin.people("Acme Retail")).toContainText(username);

  const audit = new AuditPage(page);
  await audit.goto("acme", `?action=role.grant&actor=admin`);
  const row = audit.rows().filter({ hasText: username });
  await expect(row).toHaveCount(1);
  // Visible in the Action cell, not only inside the folded JSON.
  await expect(row.getByRole("cell").nth(2)).toHaveText(`Role granted auditor to ${username}`, { useInnerText: true });
  await expectAccessible(page);
});

test("a plan's name in the audit log links to the plan's page", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.goto("acme", `?plan=${SEED.plan.name}`);
  await audit.rows().first().getByRole("link", { name: SEED.plan.name }).click();
  await expect(page).toHaveURL(new RegExp(`/t/acme/plans/${SEED.plan.uuid}$`));
});
