import { defineRoute, noQuery } from "@/lib/api/define-route";
import { markIdParam } from "@/lib/schemas/revert";
import { getRevertFacts } from "@/lib/services/revert";

export const dynamic = "force-dynamic";

const markParams = (raw: Record<string, string>): { markId: string } | null => {
  const parsed = markIdParam.safeParse(raw.markId);
  return parsed.success ? { markId: parsed.data } : null;
};

/** What reverting a mark would do (the revert dialog reads it): for those who may mark. */
export const GET = defineRoute({ name: "mark.revert", permission: "partitions:mark", params: markParams, query: noQuery }, async ({ tenant, params }) =>
  getRevertFacts(tenant, params.markId),
);
