import { STATUS_LOOK } from "@/components/calendar/status-style";
import type { PartitionStatus } from "@/lib/partitions";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * What a screen reader hears for one cell: the date (spelled so the day number shown in the cell is
 * part of it), "today" when it is, its status, and whether it is selected. Built from the key, never
 * from a Date, so it reads the same in every time zone.
 */
export function cellLabel(key: string, status: PartitionStatus | undefined, selected: boolean, future: boolean, today = false): string {
  const [y, m, d] = key.split("-");
  const month = MONTHS[Number(m) - 1] ?? m;
  const date = d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
  const state = future ? "in the future" : status ? STATUS_LOOK[status].label.toLowerCase() : "outside the plan's window";
  return `${date}${today ? ", today" : ""}, ${state}${selected ? ", selected" : ""}`;
}
