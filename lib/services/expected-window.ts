import "server-only";
import type { PlanDetails } from "@/lib/can/types";
import { addKeys, compareKeys, type CanPartition, type Granularity, type KeyRange, type RecordedMark } from "@/lib/partitions";
import { serverToday } from "./server-today";

/**
 * From the first partition anyone knows of to the last one the plan's schedule expects by today
 * (`updateUpperInterval`, default -1: yesterday for DAY, last month for MONTH), or the newest listed.
 */
export function expectedWindow(plan: PlanDetails, g: Granularity, canList: readonly CanPartition[], recorded: readonly RecordedMark[], now: Date): KeyRange {
  const expectedEnd = addKeys(serverToday(g, now).key, plan.refresh.upperInterval ?? -1, g);
  let start: string | undefined;
  let end = expectedEnd;
  for (const { key } of [...canList, ...recorded]) {
    if (start === undefined || compareKeys(key, start) < 0) start = key;
    if (compareKeys(key, end) > 0) end = key;
  }
  return { start: start ?? addKeys(expectedEnd, g === "DAY" ? -29 : -11, g), end };
}
