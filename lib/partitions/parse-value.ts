import { formatDay, formatMonth, isRealDate } from "./calendar";
import type { Granularity } from "./granularity";

/**
 * CAN documents only "yyyy-MM-dd" partition values; MONTH plans may use any of
 * the forms below (see can-api.md, open question 3), and real responses may
 * append a time. A time is tolerated only when it is a real wall-clock time and
 * carries no zone: a zone would mean the date might shift on conversion, and
 * we refuse to guess which calendar day was meant.
 */
const DASHED_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const DASHED_MONTH = /^(\d{4})-(\d{2})$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

type Parsed = { year: number; month: number; day: number | null };

function parseParts(value: string): Parsed | null {
  const v = value.trim();
  const dashed = DASHED_DAY.exec(v);
  if (dashed) {
    if (!isRealTime(dashed[4], dashed[5], dashed[6])) return null;
    return { year: Number(dashed[1]), month: Number(dashed[2]), day: Number(dashed[3]) };
  }
  const day = COMPACT_DAY.exec(v);
  if (day) return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
  const month = DASHED_MONTH.exec(v) ?? COMPACT_MONTH.exec(v);
  if (month) return { year: Number(month[1]), month: Number(month[2]), day: null };
  return null;
}

function isRealTime(h: string | undefined, m: string | undefined, s: string | undefined): boolean {
  if (h === undefined || m === undefined) return true; // no time part
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

/**
 * Turn a partition value (as CAN or a user wrote it) into a key of granularity g.
 * For MONTH a day value maps to its month; for DAY a month-only value is null
 * (it names ~30 partitions, not one); impossible dates are null.
 */
export function parsePartitionValue(value: string, g: Granularity): string | null {
  const p = parseParts(value);
  if (!p) return null;
  if (g === "DAY") {
    if (p.day === null || !isRealDate(p.year, p.month, p.day)) return null;
    return formatDay(p.year, p.month, p.day);
  }
  if (!isRealDate(p.year, p.month, p.day ?? 1)) return null;
  return formatMonth(p.year, p.month);
}

/** True when the value parses as a month but not as a day: used for clearer error messages. */
export function isMonthOnlyValue(value: string): boolean {
  const p = parseParts(value);
  return p !== null && p.day === null && isRealDate(p.year, p.month, 1);
}
