import { civilFromDays, daysFromCivil, formatDay, formatMonth, isRealDate, MAX_YEAR, MIN_YEAR } from "./calendar";
import type { Granularity } from "./granularity";
import { formatsByZone } from "@/lib/time/formats-by-zone";

/**
 * A partition key: "YYYY-MM-DD" for DAY, "YYYY-MM" for MONTH. Zero-padded and
 * fixed-width, so plain string comparison orders keys of one granularity.
 */
export type PartitionKey = string;

export { parsePartitionValue } from "./parse-value";

const DASH = 45; // "-"
const ZERO = 48; // "0"

/**
 * The key's position on an integer axis: days since 1970-01-01 for DAY,
 * year * 12 + month - 1 for MONTH. All key arithmetic goes through this, so
 * nothing depends on Date objects or the runtime's zone. Parsed by hand, not
 * by regex: it runs for every range end when normalizing 100,000 ranges.
 */
export function tryKeyToOrdinal(key: string, g: Granularity): number | null {
  if (typeof key !== "string" || key.length !== (g === "DAY" ? 10 : 7)) return null;
  const y = digits(key, 0, 4);
  const mo = key.charCodeAt(4) === DASH ? digits(key, 5, 2) : -1;
  if (g === "MONTH") return isRealDate(y, mo, 1) ? y * 12 + mo - 1 : null;
  const d = key.charCodeAt(7) === DASH ? digits(key, 8, 2) : -1;
  return isRealDate(y, mo, d) ? daysFromCivil(y, mo, d) : null;
}

/** The decimal value of s[from, from+len), or -1 if any of those characters is not 0-9. */
function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isValidKey(key: string, g: Granularity): boolean {
  return tryKeyToOrdinal(key, g) !== null;
}

/** Throws: an invalid key reaching arithmetic is a programming error, not user input. */
export function keyToOrdinal(key: string, g: Granularity): number {
  const n = tryKeyToOrdinal(key, g);
  if (n === null) throw new RangeError(`Invalid ${g} partition key: ${JSON.stringify(key)}`);
  return n;
}

/** Throws when the result would leave years 1000..9999 (keys must stay 4-digit). */
export function ordinalToKey(n: number, g: Granularity): PartitionKey {
  if (!Number.isInteger(n)) throw new RangeError(`Not an integer ordinal: ${n}`);
  if (g === "DAY") {
    const { year, month, day } = civilFromDays(n);
    assertYear(year);
    return formatDay(year, month, day);
  }
  const year = Math.floor(n / 12);
  assertYear(year);
  return formatMonth(year, n - year * 12 + 1);
}

function assertYear(year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Partition key out of range: year ${year} is outside ${MIN_YEAR}..${MAX_YEAR}`);
  }
}

export function compareKeys(a: PartitionKey, b: PartitionKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function nextKey(key: PartitionKey, g: Granularity): PartitionKey {
  return ordinalToKey(keyToOrdinal(key, g) + 1, g);
}

export function prevKey(key: PartitionKey, g: Granularity): PartitionKey {
  return ordinalToKey(keyToOrdinal(key, g) - 1, g);
}

export function addKeys(key: PartitionKey, n: number, g: Granularity): PartitionKey {
  if (!Number.isInteger(n)) throw new RangeError(`addKeys needs an integer count, got ${n}`);
  return ordinalToKey(keyToOrdinal(key, g) + n, g);
}

/** b - a in units of g (days or months). */
export function keyDistance(a: PartitionKey, b: PartitionKey, g: Granularity): number {
  return keyToOrdinal(b, g) - keyToOrdinal(a, g);
}

/** CAN's range encoding: local date-time, no zone; a MONTH is sent as its first day. */
export function keyToCanDateTime(key: PartitionKey, g: Granularity): string {
  keyToOrdinal(key, g); // validate: never send a malformed date to CAN
  return g === "DAY" ? `${key}T00:00:00` : `${key}-01T00:00:00`;
}

const CAN_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00)?$/;

/**
 * Strict inverse of keyToCanDateTime. Strict because a non-midnight time or a
 * mid-month MONTH start means the range does not line up with partitions, and
 * rounding it would silently mark partitions nobody asked for.
 */
export function canDateTimeToKey(s: string, g: Granularity): PartitionKey | null {
  const m = CAN_DATE_TIME.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return null;
  if (g === "DAY") return formatDay(y, mo, d);
  return d === 1 ? formatMonth(y, mo) : null;
}

/** Inclusive; [] when end < start. */
export function enumerateKeys(start: PartitionKey, end: PartitionKey, g: Granularity): PartitionKey[] {
  const from = keyToOrdinal(start, g);
  const to = keyToOrdinal(end, g);
  const out: PartitionKey[] = [];
  for (let n = from; n <= to; n++) out.push(ordinalToKey(n, g));
  return out;
}

/**
 * "Today" as the user sees it: the one deliberate use of the runtime's local
 * zone. Callers pass `now` so this stays pure and testable.
 */
export function localTodayKey(now: Date, g: Granularity): PartitionKey {
  if (Number.isNaN(now.getTime())) throw new RangeError("localTodayKey: invalid Date");
  const year = now.getFullYear();
  assertYear(year);
  const month = now.getMonth() + 1;
  return g === "DAY" ? formatDay(year, month, now.getDate()) : formatMonth(year, month);
}

// Made on first use: a call at module level kept the bundler from dropping this module's unused
// exports and what they import (4 kB gzip on the plans page, bench --only=weight).
let zoneDate: ((timeZone: string) => Intl.DateTimeFormat) | undefined;

/**
 * Today's key in a named IANA zone, whatever zone the runtime is in: the server's rule for which
 * partitions are in the future (docs/decisions/0016-future-marks-and-the-servers-today.md).
 */
export function todayKeyInZone(now: Date, timeZone: string, g: Granularity): PartitionKey {
  if (Number.isNaN(now.getTime())) throw new RangeError("todayKeyInZone: invalid Date");
  zoneDate ??= formatsByZone({ year: "numeric", month: "numeric", day: "numeric" });
  const parts = zoneDate(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const year = part("year");
  assertYear(year);
  return g === "DAY" ? formatDay(year, part("month"), part("day")) : formatMonth(year, part("month"));
}

export function yearOfKey(key: PartitionKey): number {
  if (!/^\d{4}-\d{2}/.test(key)) throw new RangeError(`Invalid partition key: ${JSON.stringify(key)}`);
  return Number(key.slice(0, 4));
}
