import { jsonResult, notFoundResult } from "@/lib/api/json-result";
import { accessDenied } from "@/lib/api/access-denied";
import { authorizeTenant } from "@/lib/auth/dal";
import { planUuidParam } from "@/lib/schemas/plans";
import { getPlanCalendar } from "@/lib/services/plan-calendar";
import { safeRead } from "@/lib/services/safe-read";
import { refuseWhileDraining } from "@/lib/server/draining-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; uuid: string }> }) {
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const { tenant: tenantId, uuid } = await params;
  const access = await authorizeTenant(tenantId, "plans:read");
  if (!access.ok) return accessDenied(access.code);
  const planId = planUuidParam.safeParse(uuid);
  if (!planId.success) return notFoundResult();
  return jsonResult(await safeRead("plan.calendar", () => getPlanCalendar(access.tenant, planId.data)));
}
