import { STATUS_LOOK } from "@/components/calendar/status-style";
import type { PartitionStatus } from "@/lib/partitions";

/** What a screen reader hears for one cell: the date, its status, and whether it is selected. */
export function cellLabel(key: string, status: PartitionStatus | undefined, selected: boolean, future: boolean): string {
  const state = future ? "in the future" : status ? STATUS_LOOK[status].label.toLowerCase() : "outside the plan's window";
  return `${key}, ${state}${selected ? ", selected" : ""}`;
}
