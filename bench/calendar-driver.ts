// Drives the partition calendar the way a user does (roles, labels and the cells' data-key), noting
// each action's window for Event Timing and the network requests it caused.
import { performance } from "node:perf_hooks";
import type { Page } from "@playwright/test";
import { interact, pageNow, type Interaction } from "./browser";

export class CalendarDriver {
  readonly log: Interaction[] = [];
  /** Requests the page sent, by Node clock, and the Node-clock windows of plain clicks. */
  readonly requests: { at: number; url: string }[] = [];
  readonly plainClicks: { from: number; to: number }[] = [];
  /** Per year change: page-clock ms from before the click until a frame after the new year's grid was committed has been painted. */
  readonly gridDrawn: { label: string; ms: number }[] = [];

  constructor(readonly page: Page) {
    page.on("request", (r) => this.requests.push({ at: performance.now(), url: r.url() }));
  }

  cell(key: string) {
    return this.page.locator(`[aria-label^="Partitions of"] button[data-key="${key}"]`);
  }

  async showYear(year: number, label = "history strip: jump to a year"): Promise<void> {
    const row = this.page.getByRole("navigation", { name: "History by year" }).getByRole("button", { name: new RegExp(`^Show ${year}\\b`) });
    await this.changeYear(label, () => row.click());
  }

  /**
   * A year change: Event Timing sees the click up to its next paint (the heading); the twelve grids
   * follow in a transition, so the time until they show the new year is noted as well.
   */
  private async changeYear(label: string, click: () => Promise<void>): Promise<void> {
    const t0 = await pageNow(this.page);
    await interact(
      this.page,
      label,
      async () => {
        await click();
        await this.page.locator('[aria-label^="Partitions of"]:not([aria-busy="true"])').waitFor({ state: "attached" });
      },
      this.log,
    );
    const settled = this.log.at(-1)?.t1 ?? t0;
    this.gridDrawn.push({ label, ms: settled - t0 });
  }

  async plainClick(key: string, label = "select: click"): Promise<void> {
    const from = performance.now();
    await interact(this.page, label, () => this.cell(key).click(), this.log);
    this.plainClicks.push({ from, to: performance.now() });
  }

  async shiftClick(key: string, label = "select: shift-click"): Promise<void> {
    await interact(this.page, label, () => this.cell(key).click({ modifiers: ["Shift"] }), this.log);
  }

  /** Click the first key, go to the last key's year, shift-click it. */
  async selectRange(startKey: string, endKey: string): Promise<void> {
    await this.showYear(Number(startKey.slice(0, 4)));
    await this.plainClick(startKey);
    await this.showYear(Number(endKey.slice(0, 4)));
    await this.shiftClick(endKey);
  }

  async shiftArrows(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await interact(this.page, "select: shift+arrow", () => this.page.keyboard.press("Shift+ArrowRight"), this.log);
  }

  async switchYears(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      // "Previous year" / "Next year", possibly followed by the year it leads to.
      const name = i < count / 2 ? /^Previous year\b/ : /^Next year\b/;
      await this.changeYear("year switch (← / →)", () => this.page.getByRole("button", { name }).click());
    }
  }

  async openMarkDialog(times: number): Promise<void> {
    const dialog = this.page.getByRole("dialog");
    for (let i = 0; i < times; i++) {
      await interact(
        this.page,
        "mark dialog: open",
        async () => {
          await this.page.getByRole("button", { name: "Mark success", exact: true }).click();
          await dialog.waitFor({ state: "visible" });
        },
        this.log,
      );
      await interact(
        this.page,
        "mark dialog: cancel",
        async () => {
          await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
          await dialog.waitFor({ state: "hidden" });
        },
        this.log,
      );
    }
  }

  /** Moves the pointer across every day of one month, cell by cell. */
  async hoverMonth(yearMonth: string): Promise<number> {
    const cells = this.page.locator(`[aria-label^="Partitions of"] button[data-key^="${yearMonth}-"]`);
    const boxes = [];
    for (const cell of await cells.all()) {
      const box = await cell.boundingBox();
      if (box) boxes.push(box);
    }
    for (const box of boxes) {
      await interact(
        this.page,
        "hover across a month",
        () => this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 }),
        this.log,
        true,
      );
    }
    return boxes.length;
  }

  requestsDuringPlainClicks(): { at: number; url: string }[] {
    return this.requests.filter((r) => this.plainClicks.some((w) => r.at >= w.from && r.at <= w.to));
  }
}
