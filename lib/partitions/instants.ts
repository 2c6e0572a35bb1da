import { daysFromCivil, isRealDate } from "./calendar";

const MS_PER_DAY = 86_400_000;

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parse a timestamp to epoch milliseconds without consulting the runtime's
 * zone (Date.parse treats zone-less date-times as local time, which would make
 * the status model depend on where the server runs).
 *
 * Accepted: ISO-like "YYYY-MM-DD[(T| )HH:mm[:ss[.fff]]][Z|±HH:mm|±HHmm]", and
 * epoch numbers as strings (10 digits = seconds, 13 digits = milliseconds).
 * A zone-less value is read at `defaultOffsetMinutes` from UTC: CAN does not
 * document the zone of its timestamps, so the caller decides (default UTC).
 * Returns null for anything else, so callers can treat it as "no timestamp".
 */
export function parseInstant(s: string | undefined, defaultOffsetMinutes = 0): number | null {
  if (s === undefined) return null;
  const v = s.trim();
  if (/^\d{10}$/.test(v)) return Number(v) * 1000;
  if (/^\d{13}$/.test(v)) return Number(v);
  const m = ISO_LIKE.exec(v);
  if (!m) return null;
  const [, y, mo, d, hh = "0", mm = "0", ss = "0", frac = "", zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDate(year, month, day)) return null;
  const h = Number(hh);
  const min = Number(mm);
  const sec = Number(ss);
  if (h > 23 || min > 59 || sec > 59) return null;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const offset = zone === undefined ? defaultOffsetMinutes : zoneOffsetMinutes(zone);
  if (offset === null) return null;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((h * 60 + min) * 60 + sec) * 1000 + ms;
  return local - offset * 60_000;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
