import { defineRoute, noParams } from "@/lib/api/define-route";
import { parsePlansQuery } from "@/lib/schemas/plans";
import { getPlansPage } from "@/lib/services/plans";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "plans.list", permission: "plans:read", params: noParams, query: parsePlansQuery }, async ({ tenant, query }) => ({
  ok: true,
  data: await getPlansPage(tenant, query),
}));
