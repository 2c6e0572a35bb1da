// The one way the console writes a time for people to read (client-safe, no I/O): `YYYY-MM-DD HH:mm`,
// 24-hour, in the viewer's time zone, with the zone named once where the times are (a column
// header, a line above a list). Machines get the ISO instant (`<time dateTime>` and its title).
// Partition keys are calendar dates, not instants, and never go through here.

import { formatsByZone } from "./formats-by-zone";

const formatter = formatsByZone({
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

function partsOf(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
}

/** Whether `timeZone` is one this runtime knows (an IANA name such as "Asia/Shanghai", or "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "2026-12-05 21:04" for an ISO instant (or Date), in `timeZone`. */
export function formatDateTime(at: string | Date, timeZone: string): string {
  const p = partsOf(typeof at === "string" ? new Date(at) : at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "UTC+08:00", "UTC-07:00", "UTC+00:00": the zone's offset at `at` (daylight saving moves it). */
export function zoneOffsetLabel(timeZone: string, at: Date = new Date()): string {
  const offset = partsOf(at, timeZone).timeZoneName ?? "GMT";
  return offset === "GMT" ? "UTC+00:00" : offset.replace("GMT", "UTC");
}

/** "Asia/Shanghai, UTC+08:00", or "UTC" alone: how a column header names the zone of its times. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  return timeZone === "UTC" ? "UTC" : `${timeZone}, ${zoneOffsetLabel(timeZone, at)}`;
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in `timeZone`: where a date filter's day starts. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const guess = new Date(`${day}T00:00:00.000Z`);
  // The zone's offset near that midnight, applied twice: the second pass settles days whose offset
  // differs from the first guess's (a daylight-saving change in between).
  let at = guess;
  for (let i = 0; i < 2; i++) {
    const p = partsOf(at, timeZone);
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    at = new Date(guess.getTime() - (shown - at.getTime()));
  }
  return at;
}
