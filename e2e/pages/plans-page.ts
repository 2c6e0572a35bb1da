import { expect, type Locator, type Page } from "@playwright/test";

export class PlansPage {
  readonly table: Locator;
  readonly typeFilter: Locator;
  readonly search: Locator;
  readonly tenantSwitcher: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Materialization plans" });
    this.typeFilter = page.getByLabel("Type");
    this.search = page.getByRole("searchbox", { name: "Search by name" });
    this.tenantSwitcher = page.getByLabel("Tenant");
  }

  async goto(tenant: string, query = ""): Promise<void> {
    await this.page.goto(`/t/${tenant}/plans${query}`);
  }

  row(name: string): Locator {
    return this.table.getByRole("row").filter({ hasText: name });
  }

  planNames(): Promise<string[]> {
    return this.table.locator("tbody tr td:nth-child(2)").allInnerTexts();
  }

  async expectLoaded(): Promise<void> {
    await expect(this.table).toBeVisible();
  }
}
