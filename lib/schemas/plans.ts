import { z } from "zod";

// Client-safe input schemas shared by pages, route handlers and forms.
export const PLAN_TYPES = ["EXTERNAL", "RESULT", "ACCELERATE"] as const;
export const PLANS_PAGE_SIZE = 20;

export const tenantIdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const planUuidParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const plansQuerySchema = z.object({
  type: z.preprocess(emptyToUndefined, z.enum(PLAN_TYPES).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type PlansQuery = z.infer<typeof plansQuerySchema>;

/** Reads the query from URLSearchParams or a Next searchParams object; invalid values fall back. */
export function readPlansQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): PlansQuery {
  const get = (k: string) => {
    const v = input instanceof URLSearchParams ? input.get(k) : input[k];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  const parsed = plansQuerySchema.safeParse({ type: get("type"), q: get("q"), page: get("page") });
  return parsed.success ? parsed.data : { page: 1 };
}

/**
 * For the route handler: the browser only sends what `plansQueryString` wrote, so a value that does
 * not parse is refused (before any CAN call) instead of falling back like the page does.
 */
export function parsePlansQuery(params: URLSearchParams): { ok: true; query: PlansQuery } | { ok: false; message: string } {
  const parsed = plansQuerySchema.safeParse({ type: params.get("type") ?? undefined, q: params.get("q") ?? undefined, page: params.get("page") ?? undefined });
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `query parameter "${issue?.path.join(".") ?? "?"}": ${issue?.message ?? "invalid"}` };
}

export function plansQueryString(q: PlansQuery): string {
  const p = new URLSearchParams();
  if (q.type) p.set("type", q.type);
  if (q.q) p.set("q", q.q);
  if (q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
