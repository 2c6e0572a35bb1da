import { type Locator, type Page } from "@playwright/test";

export class AdminPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/admin");
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
}
