import { keyRangesAsCanTimeRanges, type CanTimeRange, type Granularity, type KeyRange } from "@/lib/partitions";

// The exact bodies CAN receives, built in one place so the confirmation dialog (client), the server
// action and the audit log all show byte-for-byte what is sent. Client-safe: no credentials here.
// Ranges go out as given: the page's selection and the actions' schemas normalize them (the fewest
// ascending ranges); a scheduler's ranges reach CAN range for range as it wrote them.
export type UpdatePartitionBody = {
  uuid: string;
  runType: "MANUAL";
  successTimeRange?: CanTimeRange[];
  failedTimeRange?: CanTimeRange[];
};

export type ClearPartitionBody = { uuid: string; timeRange: CanTimeRange[] };

export function buildUpdatePartitionBody(uuid: string, g: Granularity | null, success: readonly KeyRange[], failed: readonly KeyRange[]): UpdatePartitionBody {
  const body: UpdatePartitionBody = { uuid, runType: "MANUAL" };
  if (g && success.length > 0) body.successTimeRange = keyRangesAsCanTimeRanges(success, g);
  if (g && failed.length > 0) body.failedTimeRange = keyRangesAsCanTimeRanges(failed, g);
  return body;
}

export function buildClearPartitionBody(uuid: string, g: Granularity, ranges: readonly KeyRange[]): ClearPartitionBody {
  return { uuid, timeRange: keyRangesAsCanTimeRanges(ranges, g) };
}
