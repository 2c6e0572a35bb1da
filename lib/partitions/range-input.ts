import { daysInMonth } from "./calendar";
import type { Granularity } from "./granularity";
import type { PartitionKey } from "./keys";
import { isMonthOnlyValue, parsePartitionValue } from "./parse-value";
import { normalizeRanges, type KeyRange } from "./range-set";

/**
 * What is wrong with a typed range, as facts the page words in the reader's language (messages:
 * plan.selection.rangeProblem.<kind>). `item` is the whole item typed, `value` the part that failed.
 */
export type RangeInputProblem =
  | { kind: "not-a-range"; item: string; example: string }
  | { kind: "whole-month"; value: string; suggestion: string }
  | { kind: "invalid-key"; value: string; item: string; granularity: Granularity }
  | { kind: "reversed"; item: string };

/** The message key (under plan.selection.rangeProblem) and its arguments for a problem. */
export function rangeProblemMessage(p: RangeInputProblem): { key: RangeInputProblem["kind"]; values: Record<string, string> } {
  switch (p.kind) {
    case "invalid-key":
      return { key: p.kind, values: { value: p.value, item: p.item, inItem: p.value === p.item ? "no" : "yes", granularity: p.granularity } };
    case "whole-month":
      return { key: p.kind, values: { value: p.value, suggestion: p.suggestion } };
    case "not-a-range":
      return { key: p.kind, values: { item: p.item, example: p.example } };
    case "reversed":
      return { key: p.kind, values: { item: p.item } };
  }
}

export type RangeInputParse = { ok: true; ranges: KeyRange[] } | { ok: false; problem: RangeInputProblem };

type KeyParse = { ok: true; key: PartitionKey } | { ok: false; problem: RangeInputProblem };

function parseKey(raw: string, item: string, g: Granularity): KeyParse {
  const key = parsePartitionValue(raw, g);
  if (key !== null) return { ok: true, key };
  if (g === "DAY" && isMonthOnlyValue(raw)) {
    // A month typed on a DAY plan is a likely slip; show the range they probably meant.
    const ym = parsePartitionValue(raw, "MONTH") ?? raw;
    const last = daysInMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
    return { ok: false, problem: { kind: "whole-month", value: raw, suggestion: `${ym}-01..${ym}-${last}` } };
  }
  return { ok: false, problem: { kind: "invalid-key", value: raw, item, granularity: g } };
}

/**
 * Parse what a user typed into the range box: items separated by commas,
 * spaces or newlines, each a single key "A" or an inclusive range "A..B"
 * (spaces around ".." are allowed). Reports the first bad item; on success the
 * ranges are normalized. A reversed range is an error rather than silently
 * swapped, because it usually means a typo in one of the two dates.
 */
export function parseRangeInput(text: string, g: Granularity): RangeInputParse {
  const items = text
    .replace(/\s*\.\.\s*/g, "..")
    .split(/[\s,]+/)
    .filter((s) => s !== "");
  const ranges: KeyRange[] = [];
  for (const item of items) {
    const parts = item.split("..");
    if (parts.length > 2 || parts.some((p) => p === "")) {
      return { ok: false, problem: { kind: "not-a-range", item, example: example(g) } };
    }
    const [a = "", b = a] = parts;
    const start = parseKey(a, item, g);
    if (!start.ok) return start;
    const end = parseKey(b, item, g);
    if (!end.ok) return end;
    if (end.key < start.key) {
      return { ok: false, problem: { kind: "reversed", item } };
    }
    ranges.push({ start: start.key, end: end.key });
  }
  return { ok: true, ranges: normalizeRanges(ranges, g) };
}

function example(g: Granularity): string {
  return g === "DAY" ? "2025-10-01..2025-10-31" : "2025-01..2025-06";
}
