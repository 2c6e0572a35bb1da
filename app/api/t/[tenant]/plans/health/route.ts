import { defineRoute, noParams } from "@/lib/api/define-route";
import { parseHealthQuery } from "@/lib/schemas/plan-health";
import { getPlansHealth } from "@/lib/services/plan-health";

export const dynamic = "force-dynamic";

/** The plans page's strips: health of the EXTERNAL plans on its visible page, one answer per plan. */
export const GET = defineRoute({ name: "plans.health", permission: "plans:read", params: noParams, query: parseHealthQuery }, async ({ tenant, query }) => ({
  ok: true,
  data: await getPlansHealth(tenant, query.uuids),
}));
