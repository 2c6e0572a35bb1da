import type { Granularity } from "./granularity";
import { canDateTimeToKey, keyToCanDateTime } from "./keys";
import { normalizeRanges, type KeyRange } from "./range-set";

/** One entry of CAN's successTimeRange / failedTimeRange / timeRange lists. */
export type CanTimeRange = { dateGranularity: Granularity; startTime: string; endTime: string };

export type RangeParse = { ok: true; ranges: KeyRange[] } | { ok: false; error: string };

/**
 * Normalizes first: CAN receives the fewest, ascending, non-overlapping ranges
 * covering exactly the same partitions, so one mark never names a partition twice.
 */
export function rangesToCanTimeRanges(ranges: readonly KeyRange[], g: Granularity): CanTimeRange[] {
  return normalizeRanges(ranges, g).map((r) => ({
    dateGranularity: g,
    startTime: keyToCanDateTime(r.start, g),
    endTime: keyToCanDateTime(r.end, g),
  }));
}

/**
 * The ranges exactly as given, in their order: what a scheduler sent through the console's API
 * reaches CAN range for range. Callers that want the fewest ranges normalize first.
 */
export function keyRangesAsCanTimeRanges(ranges: readonly KeyRange[], g: Granularity): CanTimeRange[] {
  return ranges.map((r) => ({ dateGranularity: g, startTime: keyToCanDateTime(r.start, g), endTime: keyToCanDateTime(r.end, g) }));
}

function expectedForm(g: Granularity): string {
  return g === "DAY" ? "YYYY-MM-DDT00:00:00" : "YYYY-MM-01T00:00:00";
}

/**
 * Validate CAN-shaped ranges (used by the sandbox to check requests the way CAN
 * should, and by anything reading ranges back). Stops at the first problem and
 * names it by 0-based array index, matching the JSON path (timeRange[2]).
 * The fields are re-checked with typeof because this often sees raw JSON.
 */
export function canTimeRangesToRanges(list: readonly { dateGranularity: string; startTime: string; endTime: string }[], g: Granularity): RangeParse {
  const out: KeyRange[] = [];
  for (const [i, item] of list.entries()) {
    const where = `range ${i}`;
    if (typeof item !== "object" || item === null) {
      return { ok: false, error: `${where}: is not an object with dateGranularity, startTime and endTime` };
    }
    if (item.dateGranularity !== g) {
      return {
        ok: false,
        error: `${where}: dateGranularity ${JSON.stringify(item.dateGranularity)} does not match the plan's granularity "${g}"`,
      };
    }
    const start = typeof item.startTime === "string" ? canDateTimeToKey(item.startTime, g) : null;
    if (start === null) {
      return {
        ok: false,
        error: `${where}: startTime ${JSON.stringify(item.startTime)} is not a valid ${g} date-time (expected ${expectedForm(g)})`,
      };
    }
    const end = typeof item.endTime === "string" ? canDateTimeToKey(item.endTime, g) : null;
    if (end === null) {
      return {
        ok: false,
        error: `${where}: endTime ${JSON.stringify(item.endTime)} is not a valid ${g} date-time (expected ${expectedForm(g)})`,
      };
    }
    if (end < start) {
      return { ok: false, error: `${where}: endTime ${item.endTime} is before startTime ${item.startTime}` };
    }
    out.push({ start, end });
  }
  return { ok: true, ranges: normalizeRanges(out, g) };
}
