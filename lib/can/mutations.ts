import "server-only";
import { z } from "zod";
import type { Tenant } from "@/lib/tenants";
import type { ClearPartitionBody, UpdatePartitionBody } from "./bodies";
import { canFetch, type CanCallOptions } from "./client";

const mutationDataSchema = z.unknown();

/** Never retried: a mark sent twice is a mark the operator did not ask for. */
export async function updatePartitions(tenant: Tenant, body: UpdatePartitionBody, options?: CanCallOptions): Promise<void> {
  await canFetch(tenant, { endpoint: "updatePartition", method: "POST", body, schema: mutationDataSchema, expectsData: false }, options);
}

export async function clearPartitions(tenant: Tenant, body: ClearPartitionBody, options?: CanCallOptions): Promise<void> {
  await canFetch(tenant, { endpoint: "clearPartition", method: "POST", body, schema: mutationDataSchema, expectsData: false }, options);
}
