import { z } from "zod";
import { defineRoute, planParams, type QueryParse } from "@/lib/api/define-route";
import { listAuditForPlan } from "@/lib/audit";

export const dynamic = "force-dynamic";

const historyLimit = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(500))
  .default(50);

function historyQuery(search: URLSearchParams): QueryParse<{ limit: number }> {
  const limit = historyLimit.safeParse(search.get("limit") ?? undefined);
  return limit.success ? { ok: true, query: { limit: limit.data } } : { ok: false, message: 'query parameter "limit": a whole number from 1 to 500' };
}

/** A plan's marks, newest first: what the plan page's History tab refetches. */
export const GET = defineRoute(
  { name: "plan.history", permission: "plans:read", params: planParams, query: historyQuery },
  async ({ tenant, params, query }) => ({
    ok: true,
    data: await listAuditForPlan(tenant.id, params.planUuid, query.limit),
  }),
);
