import { expect, type Locator, type Page } from "@playwright/test";

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly code: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByLabel("Username");
    this.password = page.getByLabel("Password");
    this.code = page.getByLabel("Authentication code");
    this.submit = page.getByRole("button", { name: /^(Sign in|Verify code)$/ });
    // Next.js keeps an empty route-announcer alert on every page: look inside the form only.
    this.error = page.locator("form").getByRole("alert");
    this.companySignIn = page.getByRole("button", { name: /^Sign in with / });
    // A company sign-in that came back refused: said above the forms, outside them.
    this.companyError = page.locator("main > [role=alert]");
  }

  readonly companySignIn: Locator;
  readonly companyError: Locator;

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  async enterCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.submit.click();
  }

  async expectSignedIn(): Promise<void> {
    await expect(this.page).not.toHaveURL(/\/login/);
    await expect(this.page.getByText(/Signed in as/)).toBeVisible();
  }
}
