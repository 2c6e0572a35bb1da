import { defineRoute, noQuery, planParams } from "@/lib/api/define-route";
import { getPlanCalendar } from "@/lib/services/plan-calendar";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "plan.calendar", permission: "plans:read", params: planParams, query: noQuery }, async ({ tenant, params }) => ({
  ok: true,
  data: await getPlanCalendar(tenant, params.planUuid),
}));
