import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";

// LibreOffice Calc, headless, as a real spreadsheet opening a CSV export (Debian's libreoffice-calc,
// installed by `npm test` when absent; tests/support/apt.ts).

export const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
export const sofficeAvailable = (): boolean => existsSync(SOFFICE);

export type CsvSeparator = "," | ";" | "\t";
export type OpenedSheet = { formulas: string[]; texts: string[] };

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
const decode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (m) => ENTITIES[m] ?? m);

/**
 * Opens the CSV the way a user in a locale with this list separator would, with the import's
 * "evaluate formulas" on and "quoted field as text" off (the settings that run the most), and saves
 * it as flat ODS: every formula cell shows there as a `table:formula` attribute.
 */
export async function openCsvInCalc(csvPath: string, separator: CsvSeparator): Promise<OpenedSheet> {
  const work = mkdtempSync(join(tmpdir(), "csv-calc-"));
  try {
    // Tokens: separator, text delimiter ("), UTF-8, first line, column formats, language, quoted
    // field as text, detect special numbers, (3 export-only), sheet, evaluate formulas.
    const filter = `CSV:${separator.charCodeAt(0)},34,76,1,,1033,false,false,false,false,false,-1,true`;
    await promisify(execFile)(
      SOFFICE,
      [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", `--infilter=${filter}`, "--convert-to", "fods", "--outdir", work, csvPath],
      { timeout: 120_000 },
    );
    const fods = readFileSync(join(work, basename(csvPath).replace(/\.csv$/, ".fods")), "utf8");
    return {
      formulas: [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => decode(m[1] ?? "")),
      texts: [...fods.matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((m) => decode((m[1] ?? "").replace(/<[^>]+>/g, ""))),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
