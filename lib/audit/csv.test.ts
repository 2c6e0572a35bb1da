import { describe, expect, it } from "vitest";
import { csvCell } from "./csv";

/** What a spreadsheet could take for a cell: the quoted text split at any separator or line break. */
function pieces(cell: string): string[] {
  expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
  return cell
    .slice(1, -1)
    .replace(/""/g, '"')
    .split(/[,;\t|]|\r\n|\r|\n/);
}

describe("csvCell", () => {
  it("quotes every cell, doubling quotes", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  const hostile = [
    "=1+1",
    "maint;=1+1",
    "a\t=1+1",
    "x, =1+1",
    "p,=HYPERLINK(1)",
    "l\r\n@SUM(1)",
    "l\n+1",
    "t|-1+1",
    " =1",
    "\u00a0=1",
    "\t=1",
    "\r=1",
    "a;;=1",
  ];
  for (const text of hostile) {
    it(`no piece of ${JSON.stringify(text)} starts a formula, and the text is kept`, () => {
      const cell = csvCell(text);
      for (const piece of pieces(cell)) expect(piece.replace(/^[ \u00a0]+/, "")).not.toMatch(/^[=+\-@]/);
      expect(cell.replace(/'/g, "")).toBe(`"${text}"`);
    });
  }

  it("leaves JSON and ordinary text alone", () => {
    expect(csvCell('[{"start":"2026-01-01","end":"2026-01-02"}]')).toBe('"[{""start"":""2026-01-01"",""end"":""2026-01-02""}]"');
    expect(csvCell("2026-01-01T00:00:00.000Z")).toBe('"2026-01-01T00:00:00.000Z"');
  });
});
