import { secretFromUri, totpCode } from "../../tests/support/totp";
import { expect, test } from "../fixtures";
import { AdminPage } from "../pages/admin-page";
import { LoginPage } from "../pages/login-page";

test.describe("admin page", () => {
  test("lists the people of each tenant the admin manages and passes axe", async ({ page, expectAccessible }) => {
    const admin = new AdminPage(page);
    await admin.goto();
    await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible();
    const names = (tenant: string) => admin.people(tenant).getByRole("rowheader").allInnerTexts();
    expect((await names("Acme Retail")).map((n) => n.split("\n")[0])).toEqual(expect.arrayContaining(["admin", "operator", "viewer"]));
    expect((await names("Globex Logistics")).map((n) => n.split("\n")[0])).not.toContain("viewer"); // viewer has no role in globex
    await expectAccessible(page);
  });

  test("adds a person as auditor, who then reads the audit log, enables TOTP and signs in with a code", async ({ page, browser, signIn, expectAccessible }) => {
    const username = `aud${Date.now().toString(36)}`;
    const password = "auditor-password-1";
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.addPerson("Acme Retail", { username, role: "auditor", name: "Ada Auditor", password });
    await expect(admin.lastResult.getByRole("status")).toContainText(`${username} is now auditor in Acme Retail`);
    await expect(admin.people("Acme Retail")).toContainText(username);

    const context = await browser.newContext();
    const other = await context.newPage();
    try {
      await signIn(other, username, password);
      await other.goto("/t/acme/audit");
      await expect(other.getByRole("heading", { name: "Audit log · Acme Retail" })).toBeVisible();
      expect((await other.goto("/t/globex/plans"))?.status()).toBe(404);

      // Enable TOTP on the settings page.
      await other.goto("/settings");
      await expectAccessible(other);
      await other.getByLabel("Your password").fill(password);
      await other.getByRole("button", { name: "Set up an authenticator app" }).click();
      const uri = await other.getByRole("link", { name: /^otpauth:/ }).innerText();
      const secret = secretFromUri(uri);
      const first = totpCode(secret);
      await other.getByLabel("Code from the app").fill(first);
      await other.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await expect(other.getByRole("status")).toContainText("Two-factor sign-in is on");

      // Sign out; signing in now asks for a code, and the code just used is refused (replay).
      await other.getByRole("button", { name: "Sign out", exact: true }).click();
      const login = new LoginPage(other);
      await login.signIn(username, password);
      await expect(login.code).toBeVisible();
      await login.enterCode(first);
      await expect(login.error).toHaveText("That code was already used. Wait for the next code.");
      const next = [totpCode(secret, Date.now() + 30_000), totpCode(secret, Date.now() - 30_000)].find((c) => c !== first) ?? first;
      await login.enterCode(next);
      await login.expectSignedIn();
    } finally {
      await context.close();
    }
  });

  test("an admin cannot change their own role", async ({ page }) => {
    const admin = new AdminPage(page);
    await admin.goto();
    await expect(admin.people("Acme Retail").getByLabel("Role of admin")).toBeDisabled();
  });

  test("Remove, Disable and Sign out everywhere ask first; only the last action's result is shown, at the top", async ({ page, expectAccessible }) => {
    const username = `rm${Date.now().toString(36)}`;
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.addPerson("Acme Retail", { username, role: "viewer", password: "remove-me-password-1" });
    await expect(admin.lastResult.getByRole("status")).toHaveText(`Done: ${username} is now viewer in Acme Retail.`);
    const people = admin.people("Acme Retail");
    await expect(people.getByRole("rowheader", { name: new RegExp(`^${username}`) })).toBeVisible();

    // Cancel (button or Escape) leaves the person where they were, and sends nothing.
    const remove = people.getByRole("button", { name: `Remove ${username} from Acme Retail` });
    await remove.click();
    await expect(admin.confirmation).toContainText(`Remove ${username} from Acme Retail?`);
    await expect(admin.confirmation).toContainText(`${username} loses the viewer role in Acme Retail`);
    await expectAccessible(page);
    await admin.confirmation.getByRole("button", { name: "Cancel" }).click();
    await expect(admin.confirmation).toBeHidden();
    await people.getByRole("button", { name: `Disable ${username}` }).click();
    await expect(admin.confirmation).toContainText(`Disable ${username}?`);
    await page.keyboard.press("Escape");
    await expect(admin.confirmation).toBeHidden();
    await expect(people.getByRole("row", { name: new RegExp(`^${username}`) })).toContainText("active");
    await expect(admin.lastResult.getByRole("status"), "nothing new happened").toHaveText(`Done: ${username} is now viewer in Acme Retail.`);

    // Confirmed: done, and the one result line now says so (the earlier message is gone).
    await remove.click();
    await admin.confirmation.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(admin.lastResult.getByRole("status")).toHaveText(`Done: ${username} no longer holds viewer in Acme Retail.`);
    await expect(people.getByRole("rowheader", { name: new RegExp(`^${username}`) })).toHaveCount(0);
    await expect(page.getByText(`${username} is now viewer`)).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveCount(1);
  });
});
