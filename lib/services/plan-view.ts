import "server-only";
import { listAllPartitions } from "@/lib/can/partitions";
import type { PartitionItem, PlanDetails } from "@/lib/can/types";
import type { Tenant } from "@/lib/tenants";
import { getPlanCached } from "./plans";

export type PlanView = {
  plan: PlanDetails;
  hasData: boolean;
  isPartitioned: boolean;
  /** Newest first, as CAN lists them; null for full-refresh tables. */
  partitions: PartitionItem[] | null;
  pagesFetched: number;
};

export async function getPlanView(tenant: Tenant, uuid: string): Promise<PlanView> {
  const [plan, listing] = await Promise.all([getPlanCached(tenant, uuid), listAllPartitions(tenant, uuid)]);
  return { plan, hasData: listing.hasData, isPartitioned: listing.isPartitioned, partitions: listing.items, pagesFetched: listing.pagesFetched };
}
