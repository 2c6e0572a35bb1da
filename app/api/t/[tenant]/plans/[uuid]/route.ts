import { defineRoute, planParams, type QueryParse } from "@/lib/api/define-route";
import { getPlanCalendar } from "@/lib/services/plan-calendar";

export const dynamic = "force-dynamic";

/** `?fresh=1`: the page's Reload, a new read of CAN instead of the one shared by this instance's requests. */
const freshQuery = (search: URLSearchParams): QueryParse<{ fresh: boolean }> => {
  const fresh = search.get("fresh");
  if (fresh !== null && fresh !== "1") return { ok: false, message: "fresh must be 1 when given" };
  return { ok: true, query: { fresh: fresh === "1" } };
};

export const GET = defineRoute(
  { name: "plan.calendar", permission: "plans:read", params: planParams, query: freshQuery },
  async ({ tenant, params, query }) => ({
    ok: true,
    data: await getPlanCalendar(tenant, params.planUuid, new Date(), { fresh: query.fresh }),
  }),
);
