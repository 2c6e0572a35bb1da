import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
import { rangesToCanTimeRanges, type CanTimeRange, type Granularity, type KeyRange } from "@/lib/partitions";
import { canFetch, type CanCallOptions } from "./client";

// The exact bodies CAN receives. Built separately from sending so the confirmation dialog and the
// audit log show byte-for-byte what is (or was) sent.
export type UpdatePartitionBody = {
  uuid: string;
  runType: "MANUAL";
  successTimeRange?: CanTimeRange[];
  failedTimeRange?: CanTimeRange[];
};

export type ClearPartitionBody = { uuid: string; timeRange: CanTimeRange[] };

export function buildUpdatePartitionBody(uuid: string, g: Granularity | null, success: readonly KeyRange[], failed: readonly KeyRange[]): UpdatePartitionBody {
  const body: UpdatePartitionBody = { uuid, runType: "MANUAL" };
  if (g && success.length > 0) body.successTimeRange = rangesToCanTimeRanges(success, g);
  if (g && failed.length > 0) body.failedTimeRange = rangesToCanTimeRanges(failed, g);
  return body;
}

export function buildClearPartitionBody(uuid: string, g: Granularity, ranges: readonly KeyRange[]): ClearPartitionBody {
  return { uuid, timeRange: rangesToCanTimeRanges(ranges, g) };
}

const mutationDataSchema = z.unknown();

/** Never retried: a mark sent twice is a mark the operator did not ask for. */
export async function updatePartitions(tenant: Tenant, body: UpdatePartitionBody, options?: CanCallOptions): Promise<void> {
  await canFetch(tenant, { endpoint: "updatePartition", method: "POST", body, schema: mutationDataSchema, expectsData: false }, options);
}

export async function clearPartitions(tenant: Tenant, body: ClearPartitionBody, options?: CanCallOptions): Promise<void> {
  await canFetch(tenant, { endpoint: "clearPartition", method: "POST", body, schema: mutationDataSchema, expectsData: false }, options);
}
