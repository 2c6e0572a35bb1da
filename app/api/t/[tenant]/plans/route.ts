import { jsonResult, validationResult } from "@/lib/api/json-result";
import { accessDenied } from "@/lib/api/access-denied";
import { authorizeTenant } from "@/lib/auth/dal";
import { parsePlansQuery } from "@/lib/schemas/plans";
import { getPlansPage } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";
import { refuseWhileDraining } from "@/lib/server/draining-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const draining = refuseWhileDraining();
  if (draining) return draining;
  const access = await authorizeTenant((await params).tenant, "plans:read");
  if (!access.ok) return accessDenied(access.code);
  const query = parsePlansQuery(new URL(request.url).searchParams);
  if (!query.ok) return validationResult(query.message);
  return jsonResult(await safeRead("plans.list", () => getPlansPage(access.tenant, query.query)));
}
