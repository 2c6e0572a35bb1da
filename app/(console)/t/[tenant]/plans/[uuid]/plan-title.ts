import "server-only";
import { cache } from "react";
import type { PlanTitle } from "@/lib/services/plan-calendar-types";
import { getPlanCached } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";
import type { Tenant } from "@/lib/tenants";

/**
 * The plan's names from CAN's plan read, apart from its partition list: the tab title and the
 * heading keep them when the list cannot be read. Once per request (metadata and page share it).
 */
export const readPlanTitle = cache(async (tenant: Tenant, uuid: string): Promise<PlanTitle | null> => {
  const read = await safeRead("plan.details", () => getPlanCached(tenant, uuid));
  return read.ok ? { displayName: read.data.displayName, name: read.data.name } : null;
});
