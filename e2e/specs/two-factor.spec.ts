import { secretFromUri, totpCode } from "../../tests/support/totp";
import { expect, test } from "../fixtures";
import { AdminPage } from "../pages/admin-page";
import { LoginPage } from "../pages/login-page";

test.describe("two-factor sign-in", () => {
  test.use({ user: "admin" });

  test("the enrolment code sent again is not held against the account; each backup code signs in once; settings counts what is left", async ({
    page,
    browser,
    signIn,
    expectAccessible,
  }) => {
    test.slow(); // two browser contexts and several sign-ins
    const username = `tfa${Date.now().toString(36)}`;
    const password = "two-factor-password-1";
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.addPerson("Acme Retail", { username, role: "viewer", name: "Tove Factor", password });
    await expect(admin.people("Acme Retail")).toContainText(username);

    const context = await browser.newContext();
    const other = await context.newPage();
    try {
      await signIn(other, username, password);
      await other.goto("/settings");
      await other.getByLabel("Your password").fill(password);
      await other.getByRole("button", { name: "Set up an authenticator app" }).click();
      const secret = secretFromUri(await other.getByRole("link", { name: /^otpauth:/ }).innerText());
      // The QR code (an SVG drawn on the page, no image request) and the same key in groups of four.
      await expect(other.getByRole("img", { name: "QR code of the authenticator key" })).toBeVisible();
      await expect(other.locator("svg[role=img] path")).toHaveAttribute("d", /^(M\d+ \d+h1v1h-1z)+$/);
      await expect(other.getByTestId("totp-key")).toHaveText(secret.match(/.{1,4}/g)!.join(" "));
      await expectAccessible(other);
      await other.getByText(/^Backup codes/).click();
      const codes = await other
        .getByRole("listitem")
        .filter({ hasText: /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/ })
        .allInnerTexts();
      expect(codes).toHaveLength(10);
      const enrolment = totpCode(secret);
      await other.getByLabel("Code from the app").fill(enrolment);
      await other.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await expect(other.getByTestId("backup-codes-left")).toContainText("10 backup codes left");
      await other.getByRole("button", { name: "Sign out", exact: true }).click();

      // The code the app still shows, sent again and again: told to wait, never locked out (the
      // e2e limit is three failures per account).
      const login = new LoginPage(other);
      await login.signIn(username, password);
      for (let i = 0; i < 4; i++) {
        await login.enterCode(enrolment);
        // The same words each time: wait for this answer (React empties the form once the action
        // has answered), or the next code is typed while the last one is still in flight.
        await expect(login.code).toHaveValue("");
        await expect(login.error).toHaveText("That code was already used. Wait for the next code.");
      }
      await login.enterCode(codes[0]!);
      await login.expectSignedIn();
      await other.goto("/settings");
      await expect(other.getByTestId("backup-codes-left")).toContainText("9 backup codes left");
      await expectAccessible(other);
      await other.getByRole("button", { name: "Sign out", exact: true }).click();

      // A used backup code does not work twice.
      await login.signIn(username, password);
      await login.enterCode(codes[0]!);
      await expect(login.error).toHaveText("That backup code is not right, or was used before: each works once.");
      await login.enterCode(codes[1]!);
      await login.expectSignedIn();
    } finally {
      await context.close();
    }
  });
});
