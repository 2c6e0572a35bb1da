import { z } from "zod";
import { accessDenied } from "@/lib/api/access-denied";
import { jsonResult, notFoundResult, validationResult } from "@/lib/api/json-result";
import { listAuditForPlan } from "@/lib/audit";
import { authorizeTenant } from "@/lib/auth/dal";
import { planUuidParam } from "@/lib/schemas/plans";
import { safeRead } from "@/lib/services/safe-read";
import { refuseWhileDraining } from "@/lib/server/draining-response";

export const dynamic = "force-dynamic";

const historyLimit = z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().int().min(1).max(500)).default(50);

/** A plan's marks, newest first: what the plan page's History tab refetches. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; uuid: string }> }) {
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const { tenant, uuid } = await params;
  const access = await authorizeTenant(tenant, "plans:read");
  if (!access.ok) return accessDenied(access.code);
  const planId = planUuidParam.safeParse(uuid);
  if (!planId.success) return notFoundResult();
  const limit = historyLimit.safeParse(new URL(request.url).searchParams.get("limit") ?? undefined);
  if (!limit.success) return validationResult('query parameter "limit": a whole number from 1 to 500');
  return jsonResult(await safeRead("plan.history", () => listAuditForPlan(access.tenant.id, planId.data, limit.data)));
}
