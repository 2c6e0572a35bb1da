import { findTenant } from "@/lib/access";
import { jsonResult, notFoundResult } from "@/lib/api/json-result";
import { readPlansQuery } from "@/lib/schemas/plans";
import { getPlansPage } from "@/lib/services/plans";
import { safeRead } from "@/lib/services/safe-read";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const tenant = findTenant((await params).tenant);
  if (!tenant) return notFoundResult();
  const query = readPlansQuery(new URL(request.url).searchParams);
  return jsonResult(await safeRead("plans.list", () => getPlansPage(tenant, query)));
}
