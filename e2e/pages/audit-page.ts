import { expect, type Locator, type Page } from "@playwright/test";

export class AuditPage {
  readonly table: Locator;
  readonly plan: Locator;
  readonly actor: Locator;
  readonly action: Locator;
  readonly outcome: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly apply: Locator;
  readonly exportCsv: Locator;
  readonly exportJson: Locator;
  readonly older: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole("table", { name: "Audit log" });
    this.plan = page.getByLabel("Plan (name or uuid)");
    this.actor = page.getByLabel("Actor");
    this.action = page.getByRole("combobox", { name: "Action", exact: true });
    this.outcome = page.getByRole("combobox", { name: "Outcome", exact: true });
    this.from = page.getByLabel("From", { exact: true });
    this.to = page.getByLabel("To", { exact: true });
    this.apply = page.getByRole("button", { name: "Apply filters" });
    this.exportCsv = page.getByRole("link", { name: "Export CSV" });
    this.exportJson = page.getByRole("link", { name: "Export JSON" });
    this.older = page.getByRole("link", { name: "Older →" });
  }

  async goto(tenant: string, query = ""): Promise<void> {
    await this.page.goto(`/t/${tenant}/audit${query}`);
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole("heading", { name: /Audit log/ })).toBeVisible();
  }
}
