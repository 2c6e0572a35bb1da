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

  /**
   * The Name column's cells, found by its heading: a role that may mark has a selection column
   * first. None while the table is not there (yet): callers poll.
   */
  async planNames(): Promise<string[]> {
    const headings = await this.table.locator("thead th").allInnerTexts();
    const column = headings.findIndex((h) => h.trim() === "Name") + 1;
    if (column === 0) return [];
    return this.table.locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
  }

  /**
   * The table, every row's health read, and React hydrated (the marker is inside the strips' Suspense
   * boundary): the strips are server-rendered and can be on screen before they, and the page's
   * controls (the tenant switcher too), respond.
   */
  async expectLoaded(): Promise<void> {
    await expect(this.table).toBeVisible();
    await expect(this.page.locator('[data-hydrated="true"]')).toBeVisible();
    await expect(this.table.getByText("Reading partitions…")).toHaveCount(0);
  }
}
