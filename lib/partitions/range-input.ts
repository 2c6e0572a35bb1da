import { daysInMonth } from "./calendar";
import type { Granularity } from "./granularity";
import type { PartitionKey } from "./keys";
import { isMonthOnlyValue, parsePartitionValue } from "./parse-value";
import type { RangeParse } from "./can-ranges";
import { normalizeRanges, type KeyRange } from "./range-set";

const ACCEPTED: Record<Granularity, string> = {
  DAY: "YYYY-MM-DD or YYYYMMDD",
  MONTH: "YYYY-MM, YYYYMM, YYYY-MM-DD or YYYYMMDD",
};

type KeyParse = { ok: true; key: PartitionKey } | { ok: false; error: string };

function parseKey(raw: string, item: string, g: Granularity): KeyParse {
  const key = parsePartitionValue(raw, g);
  if (key !== null) return { ok: true, key };
  const quoted = raw === item ? `"${raw}"` : `"${raw}" (in "${item}")`;
  if (g === "DAY" && isMonthOnlyValue(raw)) {
    // A month typed on a DAY plan is a likely slip; show the range they probably meant.
    const ym = parsePartitionValue(raw, "MONTH") ?? raw;
    const last = daysInMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
    return {
      ok: false,
      error: `${quoted} is a whole month, but this plan is partitioned by day. Write ${ym}-01..${ym}-${last} for the whole month.`,
    };
  }
  const unit = g === "DAY" ? "day" : "month";
  return { ok: false, error: `${quoted} is not a valid ${unit}. Use ${ACCEPTED[g]}.` };
}

/**
 * Parse what a user typed into the range box: items separated by commas,
 * spaces or newlines, each a single key "A" or an inclusive range "A..B"
 * (spaces around ".." are allowed). Reports the first bad item; on success the
 * ranges are normalized. A reversed range is an error rather than silently
 * swapped, because it usually means a typo in one of the two dates.
 */
export function parseRangeInput(text: string, g: Granularity): RangeParse {
  const items = text
    .replace(/\s*\.\.\s*/g, "..")
    .split(/[\s,]+/)
    .filter((s) => s !== "");
  const ranges: KeyRange[] = [];
  for (const item of items) {
    const parts = item.split("..");
    if (parts.length > 2 || parts.some((p) => p === "")) {
      return { ok: false, error: `"${item}" is not a date or a range. Write a range as START..END, e.g. ${example(g)}.` };
    }
    const [a = "", b = a] = parts;
    const start = parseKey(a, item, g);
    if (!start.ok) return start;
    const end = parseKey(b, item, g);
    if (!end.ok) return end;
    if (end.key < start.key) {
      return { ok: false, error: `"${item}" ends before it starts. Write the earlier date first.` };
    }
    ranges.push({ start: start.key, end: end.key });
  }
  return { ok: true, ranges: normalizeRanges(ranges, g) };
}

function example(g: Granularity): string {
  return g === "DAY" ? "2025-10-01..2025-10-31" : "2025-01..2025-06";
}
