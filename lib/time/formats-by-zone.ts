// One Intl.DateTimeFormat per time zone, built on first use. Building one costs about 0.2 ms (ICU
// loads the zone and the locale's patterns), formatting with a built one about 0.02 ms; the plan
// route asks for the server's today on every request (ADR 0040) and the audit page formats every
// row's time. Client-safe, no I/O.

/** Zones in use are a handful (the server's, the viewers'); past this a cache starts over. */
const MAX_ZONES = 64;

/** A getter of the format with `options` in a zone; it throws RangeError for a zone the runtime does not know, and keeps nothing for it. */
export function formatsByZone(options: Omit<Intl.DateTimeFormatOptions, "timeZone">): (timeZone: string) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    let f = formats.get(timeZone);
    if (f === undefined) {
      f = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
      if (formats.size >= MAX_ZONES) formats.clear();
      formats.set(timeZone, f);
    }
    return f;
  };
}
