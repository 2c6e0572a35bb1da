import { findTenant } from "@/lib/access";
import { jsonResult, notFoundResult } from "@/lib/api/json-result";
import { planUuidParam } from "@/lib/schemas/plans";
import { getPlanView } from "@/lib/services/plan-view";
import { safeRead } from "@/lib/services/safe-read";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; uuid: string }> }) {
  const { tenant: tenantId, uuid } = await params;
  const tenant = findTenant(tenantId);
  const planId = planUuidParam.safeParse(uuid);
  if (!tenant || !planId.success) return notFoundResult();
  return jsonResult(await safeRead("plan.view", () => getPlanView(tenant, planId.data)));
}
