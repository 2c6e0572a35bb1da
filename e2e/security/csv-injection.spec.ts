import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "../fixtures";
import { openCsvInCalc, sofficeAvailable, type CsvSeparator } from "../../tests/support/spreadsheet";
import { SEED } from "../../tests/support/seed-data";

// The audit CSV export opened in a real spreadsheet. The seeded hostile mark (seed-audit.ts) carries
// formula starts after a `;`, a tab, a `,`+space, a line break, a `|` and leading whitespace, in the
// plan name, the user agent and CAN's answer. In every separator mode, no cell may hold a formula.
// Without LibreOffice the test is skipped, and `npm test` counts the missing install as a failure.

const modes: [string, CsvSeparator][] = [
  ["comma", ","],
  ["semicolon", ";"],
  ["tab", "\t"],
];

test.describe("audit CSV export in a spreadsheet", () => {
  test.skip(!sofficeAvailable(), "LibreOffice (soffice) is not installed");

  test("no cell of the export holds a formula, whatever the separator", async ({ page }) => {
    test.setTimeout(180_000);
    const response = await page.request.get(`/api/t/acme/audit/export?format=csv&plan=${SEED.hostilePlan.uuid}`);
    expect(response.status()).toBe(200);
    const csv = await response.text();
    const dir = mkdtempSync(join(tmpdir(), "csv-export-"));
    try {
      const file = join(dir, "audit-export.csv");
      writeFileSync(file, csv);
      for (const [name, separator] of modes) {
        const sheet = await openCsvInCalc(file, separator);
        expect(sheet.formulas, `${name}: formula cells`).toEqual([]);
        // The hostile text is there, as text: the check above cannot pass on an empty sheet.
        for (const fragment of ["=1+1", "=2+2", "=3+3", "-4+4", "@SUM(5+5)", "+6+6"]) {
          expect(
            sheet.texts.some((t) => t.includes(fragment)),
            `${name}: a cell shows ${fragment}`,
          ).toBe(true);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
