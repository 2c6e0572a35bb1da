import { accessDenied } from "@/lib/api/access-denied";
import { jsonResult, notFoundResult } from "@/lib/api/json-result";
import { listAuditForPlan } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/dal";
import { planUuidParam } from "@/lib/schemas/plans";
import { safeRead } from "@/lib/services/safe-read";
import { refuseWhileDraining } from "@/lib/server/draining-response";

export const dynamic = "force-dynamic";

/** A plan's marks, newest first: what the plan page's History tab refetches. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; uuid: string }> }) {
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const { tenant, uuid } = await params;
  const access = await authorizeTenant(tenant, "plans:read");
  if (!access.ok) return accessDenied(access.code);
  const planId = planUuidParam.safeParse(uuid);
  if (!planId.success) return notFoundResult();
  const limit = Math.min(Math.max(Number(new URL(request.url).searchParams.get("limit")) || 50, 1), 500);
  return jsonResult(await safeRead("plan.history", () => listAuditForPlan(access.tenant.id, planId.data, limit)));
}
