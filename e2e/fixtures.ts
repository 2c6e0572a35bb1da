import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { sandbox } from "./sandbox-control";

type Fixtures = {
  /** Resets the sandbox before the test, so each spec starts from the seeded state. */
  cleanSandbox: typeof sandbox;
  expectAccessible: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  cleanSandbox: [
    async ({}, use) => {
      await sandbox.reset();
      await use(sandbox);
      await sandbox.clearFaults();
    },
    { auto: true },
  ],
  expectAccessible: async ({}, use) => {
    await use(async (page: Page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
    });
  },
});

export { expect };
