import type { PartitionKey } from "./keys";

/**
 * The year a DAY calendar opens on: the address bar's `year` when it is a plain four-digit year,
 * otherwise the year of the plan's expected window's end. The plan page's preview and its calendar
 * both ask here, so the calendar replacing the preview opens on the year the preview showed.
 */
export function openingYear(requested: string | null, windowEnd: PartitionKey): number {
  const y = Number(requested);
  return requested !== null && Number.isInteger(y) && y >= 1000 && y <= 9999 ? y : Number(windowEnd.slice(0, 4));
}
