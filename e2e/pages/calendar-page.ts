import { expect, type Locator, type Page } from "@playwright/test";

/** The plan page's partition calendar, by roles and labels. */
export class CalendarPage {
  readonly summary: Locator;
  readonly markSuccess: Locator;
  readonly markFailed: Locator;
  readonly clear: Locator;
  readonly dialog: Locator;
  readonly confirm: Locator;
  readonly rangeInput: Locator;
  /** The popover that describes the hovered or focused cell. */
  readonly details: Locator;
  readonly skipLink: Locator;
  /** "read 3 min ago": how old the partitions on screen are. */
  readonly readAge: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId("selection-summary");
    this.markSuccess = page.getByRole("button", { name: "Mark success" });
    this.markFailed = page.getByRole("button", { name: "Mark failed" });
    this.clear = page.getByRole("button", { name: "Clear", exact: true });
    this.dialog = page.getByRole("dialog");
    this.confirm = this.dialog.getByRole("button", { name: /^Confirm/ });
    this.rangeInput = page.getByLabel("Select by typing ranges");
    this.details = page.getByRole("tooltip");
    this.skipLink = page.getByRole("link", { name: "Skip to calendar" });
    this.readAge = page.getByTestId("read-age");
  }

  async goto(tenant: string, uuid: string, query = ""): Promise<void> {
    await this.page.goto(`/t/${tenant}/plans/${uuid}${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
    // Server-rendered cells are visible before React hydrates them; wait until they respond.
    await expect(this.page.locator('[data-hydrated="true"]')).toBeVisible();
  }

  /** A DAY plan's twelve month grids (react-day-picker's tables) for the year shown. */
  monthGrids(year: number): Locator {
    return this.page.getByRole("group", { name: new RegExp(`^Partitions of ${year}\\.`) }).getByRole("grid");
  }

  cell(key: string): Locator {
    return this.page.locator(`button[data-key="${key}"]`);
  }

  async expectStatus(key: string, status: string): Promise<void> {
    await expect(this.cell(key)).toHaveAttribute("data-status", status);
  }

  /** Confirms the open dialog, typing the plan name when it asks for it. */
  async confirmDialog(planName?: string): Promise<void> {
    if (planName) await this.dialog.getByLabel(/Type the plan name/).fill(planName);
    await this.confirm.click();
  }

  /** The keys of the drawn cells that hold a partition (not future, not outside the plan's window), oldest first. */
  partitionKeys(): Promise<string[]> {
    return this.page.locator("button[data-key]").evaluateAll((cells) =>
      cells
        .filter((c) => !["future", "outside"].includes(c.getAttribute("data-status") ?? ""))
        .map((c) => c.getAttribute("data-key") ?? "")
        .sort(),
    );
  }

  requestBody(): Promise<unknown> {
    return this.dialog
      .getByTestId("can-request-body")
      .textContent()
      .then((t) => JSON.parse(t ?? "null") as unknown);
  }
}
