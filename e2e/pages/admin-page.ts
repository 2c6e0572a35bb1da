import { type Locator, type Page } from "@playwright/test";

export class AdminPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/admin");
  }

  /** The page's one line with the outcome of the last user action. */
  get lastResult(): Locator {
    return this.page.getByTestId("admin-last-result");
  }

  /** The question a destructive action asks first. */
  get confirmation(): Locator {
    return this.page.getByRole("dialog");
  }

  section(tenantName: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(tenantName) });
  }

  people(tenantName: string): Locator {
    return this.page.getByRole("table", { name: `People in ${tenantName}` });
  }

  async addPerson(tenantName: string, person: { username: string; role: string; name?: string; password?: string }): Promise<void> {
    const s = this.section(tenantName);
    await s.getByLabel("Username").fill(person.username);
    await s.getByRole("combobox", { name: "Role", exact: true }).selectOption(person.role);
    if (person.name) await s.getByLabel("Name (new account)").fill(person.name);
    if (person.password) await s.getByLabel("Initial password (new account)").fill(person.password);
    await s.getByRole("button", { name: `Add to ${tenantName}` }).click();
  }

  tokens(tenantName: string): Locator {
    return this.page.getByRole("table", { name: `API tokens of ${tenantName}` });
  }

  /** Creates an API token through the form and returns the secret the page shows once. */
  async createToken(tenantName: string, token: { name: string; role: "viewer" | "operator"; expires?: string }): Promise<string> {
    const s = this.section(tenantName);
    await s.getByLabel("Token name").fill(token.name);
    await s.getByRole("combobox", { name: "Token role" }).selectOption(token.role);
    if (token.expires) await s.getByLabel("Expires (optional)").fill(token.expires);
    await s.getByRole("button", { name: `Create token for ${tenantName}` }).click();
    const secret = s.getByLabel("New token (shown once)");
    await secret.waitFor();
    return secret.inputValue();
  }
}
