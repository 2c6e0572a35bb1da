import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import { parseRangeInput, rangeProblemMessage } from "./ranges";

// The page words a problem through the message files; English is checked here word for word.
const english = createTranslator({ locale: "en", messages: en }) as unknown as (key: string, values: Record<string, string>) => string;

describe("parseRangeInput", () => {
  it("empty or blank input is an empty selection", () => {
    expect(parseRangeInput("", "DAY")).toEqual({ ok: true, ranges: [] });
    expect(parseRangeInput("  ,\n , ", "DAY")).toEqual({ ok: true, ranges: [] });
  });

  it("accepts items separated by commas, spaces and newlines, in any key form, and normalizes", () => {
    expect(parseRangeInput("2025-10-01..2025-10-05, 20251006\n2025-10-10 .. 20251012,2025-10-11  2025-10-20", "DAY")).toEqual({
      ok: true,
      ranges: [
        { start: "2025-10-01", end: "2025-10-06" },
        { start: "2025-10-10", end: "2025-10-12" },
        { start: "2025-10-20", end: "2025-10-20" },
      ],
    });
  });

  it("accepts every value form for MONTH plans, mapping days to months", () => {
    expect(parseRangeInput("2025-01..202503, 2025-05-17, 20250601..2025-07-31T00:00:00", "MONTH")).toEqual({
      ok: true,
      ranges: [
        { start: "2025-01", end: "2025-03" },
        { start: "2025-05", end: "2025-07" },
      ],
    });
  });

  it.each([
    ["2025-02-29", "DAY", '"2025-02-29" is not a valid day. Use YYYY-MM-DD or YYYYMMDD.'],
    ["2025-10-01..2025-02-30", "DAY", '"2025-02-30" (in "2025-10-01..2025-02-30") is not a valid day. Use YYYY-MM-DD or YYYYMMDD.'],
    ["2025-10-05..2025-10-01", "DAY", '"2025-10-05..2025-10-01" ends before it starts. Write the earlier date first.'],
    ["2025-10-01..", "DAY", '"2025-10-01.." is not a date or a range. Write a range as START..END, e.g. 2025-10-01..2025-10-31.'],
    ["..2025-10-01", "DAY", '"..2025-10-01" is not a date or a range. Write a range as START..END, e.g. 2025-10-01..2025-10-31.'],
    ["2025-01..2025-02..2025-03", "MONTH", '"2025-01..2025-02..2025-03" is not a date or a range. Write a range as START..END, e.g. 2025-01..2025-06.'],
    ["2024-02", "DAY", '"2024-02" is a whole month, but this plan is partitioned by day. Write 2024-02-01..2024-02-29 for the whole month.'],
    ["2025-13", "MONTH", '"2025-13" is not a valid month. Use YYYY-MM, YYYYMM, YYYY-MM-DD or YYYYMMDD.'],
    ["2025-10-01 2025/10/02", "DAY", '"2025/10/02" is not a valid day. Use YYYY-MM-DD or YYYYMMDD.'],
  ] as const)("rejects %j (%s), and says why in English", (text, g, error) => {
    const parsed = parseRangeInput(text, g);
    if (parsed.ok) throw new Error("accepted");
    const { key, values } = rangeProblemMessage(parsed.problem);
    expect(english(`plan.selection.rangeProblem.${key}`, values)).toBe(error);
  });

  it("does not enumerate: a 9,000-year range parses instantly", () => {
    expect(parseRangeInput("1000-01-01..9999-12-31", "DAY")).toEqual({ ok: true, ranges: [{ start: "1000-01-01", end: "9999-12-31" }] });
  });
});
