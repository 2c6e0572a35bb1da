import { readOnlySeries } from "@/lib/partitions";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { PartitionList } from "./partition-list";
import { PartitionSeries } from "./partition-series";

/** A plan the console cannot mark: laid out on its period when it has a fixed one, else CAN's list as it came. */
export function ReadOnlyPartitions({ calendar }: { calendar: PlanCalendar }) {
  const items = calendar.rawItems;
  const series = calendar.mode.kind === "unsupported" ? readOnlySeries(calendar.mode.granularity, items) : null;
  if (series) return <PartitionSeries series={series} total={calendar.listedCount} shown={items.length} />;
  return <PartitionList values={items.map((i) => i.value)} total={calendar.listedCount} />;
}
