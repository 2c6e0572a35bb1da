import { z } from "zod";
import { PLAN_SORTS, PLAN_TYPES, PLANS_MAX_PAGE, PLANS_QUERY_MAX_LENGTH, type PlansQuery } from "@/lib/plans-query";

// Input schemas of the route handlers and actions (server side: the browser bundles no zod).

export const tenantIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const planUuidParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const plansQuerySchema = z.object({
  type: z.preprocess(emptyToUndefined, z.enum(PLAN_TYPES).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(PLANS_QUERY_MAX_LENGTH).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(PLANS_MAX_PAGE).default(1)),
  attention: z.preprocess(
    emptyToUndefined,
    z
      .literal("1")
      .transform(() => true as const)
      .optional(),
  ),
  sort: z.preprocess(emptyToUndefined, z.enum(PLAN_SORTS).optional()),
}) satisfies z.ZodType<PlansQuery>;

/**
 * For the route handler: the browser only sends what `plansQueryString` wrote, so a value that does
 * not parse is refused (before any CAN call) instead of falling back like the page does.
 */
export function parsePlansQuery(params: URLSearchParams): { ok: true; query: PlansQuery } | { ok: false; message: string } {
  const parsed = plansQuerySchema.safeParse({
    type: params.get("type") ?? undefined,
    q: params.get("q") ?? undefined,
    page: params.get("page") ?? undefined,
    attention: params.get("attention") ?? undefined,
    sort: params.get("sort") ?? undefined,
  });
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `query parameter "${issue?.path.join(".") ?? "?"}": ${issue?.message ?? "invalid"}` };
}
