// One Intl.DateTimeFormat per time zone for the calendar date in that zone. Building one costs
// about 0.2 ms (ICU loads the zone and the locale's patterns); formatting with a built one about
// 0.02 ms. The plan route asks for the server's today on every request (ADR 0040).

/** Zones in use are a handful (the server's, a few viewers'); past this the cache starts over. */
const MAX_ZONES = 64;
const formats = new Map<string, Intl.DateTimeFormat>();

/** year / month / day numerically, in `timeZone` (en-US digits); throws RangeError for an unknown zone. */
export function zoneDateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    if (formats.size >= MAX_ZONES) formats.clear();
    formats.set(timeZone, f);
  }
  return f;
}
