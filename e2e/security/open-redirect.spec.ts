import { E2E_APP_PORT } from "../../playwright.config";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "../fixtures";
import { LoginPage } from "../pages/login-page";

// `/login?next=…` decides where a user lands after signing in. Browsers drop tabs and newlines and
// read a backslash as a slash while parsing a URL, so each of these would leave the console if it
// were used as it came (tests/unit/return-path.test.ts tries the whole family of characters).
const APP = `http://127.0.0.1:${E2E_APP_PORT}`;
const FOREIGN = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\\evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "//evil.example",
  "/.//evil.example",
  "/%2e//evil.example",
  "https://evil.example/",
];

test.use({ user: null });

/** The return path of every form on the login page: the password form's, and the company sign-in's. */
const returnPaths = (page: Page) => page.locator('input[type="hidden"][name="next"]');

test("the sign-in forms never carry a return path off the console's origin", async ({ page }) => {
  const login = new LoginPage(page);
  for (const next of FOREIGN) {
    await login.goto(next);
    await expect(returnPaths(page)).toHaveCount(2);
    for (const kept of await returnPaths(page).all()) expect(await kept.inputValue(), JSON.stringify(next)).toBe("/");
  }
  await login.goto("/t/acme/plans?year=2026");
  for (const kept of await returnPaths(page).all()) await expect(kept).toHaveValue("/t/acme/plans?year=2026");
});

test("signing in from /login?next=/%09/evil.example lands on the console, not on another site", async ({ page }) => {
  await page.goto("/login?next=/%09/evil.example");
  const login = new LoginPage(page);
  await login.signIn("viewer", DEMO_PASSWORD);
  await login.expectSignedIn();
  expect(new URL(page.url()).origin).toBe(APP);
});

test("a forged sign-in post with a foreign `next` is sent home, not away", async ({ page }) => {
  // The form's hidden field rewritten before submitting, as a user talked into it would.
  await page.goto("/login");
  const passwordForm = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await passwordForm.locator('input[type="hidden"][name="next"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), "/\t/evil.example");
  const login = new LoginPage(page);
  await login.signIn("viewer", DEMO_PASSWORD);
  await login.expectSignedIn();
  expect(new URL(page.url()).origin).toBe(APP);
});
