/** How old a read is, as a unit and a count for the message files: now, 4 minutes, 2 hours, 3 days. */
export type ReadAge = { unit: "now" | "minutes" | "hours" | "days"; n: number };

export function readAge(readAt: string, now: number): ReadAge {
  const minutes = Math.floor((now - Date.parse(readAt)) / 60_000);
  if (minutes < 1) return { unit: "now", n: 0 };
  if (minutes < 60) return { unit: "minutes", n: minutes };
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? { unit: "hours", n: hours } : { unit: "days", n: Math.floor(hours / 24) };
}
