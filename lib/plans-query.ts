// The plans page's URL state (type filter, search, page), read and written without zod: the browser
// needs it and zod would be most of its script. The route handler validates what reaches it with the
// schema in lib/schemas/plans.ts; tests/unit/plans-query.test.ts holds the two to the same answers.
export const PLAN_TYPES = ["EXTERNAL", "RESULT", "ACCELERATE"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export const PLANS_PAGE_SIZE = 20;
export const PLANS_QUERY_MAX_LENGTH = 100;
export const PLANS_MAX_PAGE = 10_000;

export type PlansQuery = { type?: PlanType | undefined; q?: string | undefined; page: number };

const isPlanType = (v: string): v is PlanType => (PLAN_TYPES as readonly string[]).includes(v);

/** Reads the query from URLSearchParams or a Next searchParams object; any invalid value gives the first page unfiltered. */
export function readPlansQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): PlansQuery {
  const get = (k: string): string | undefined => {
    const v = input instanceof URLSearchParams ? input.get(k) : input[k];
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" || first === null ? undefined : first;
  };
  const [type, rawQ, rawPage] = [get("type"), get("q"), get("page")];
  const q = rawQ?.trim();
  const page = rawPage === undefined ? 1 : Number(rawPage);
  const valid =
    (type === undefined || isPlanType(type)) &&
    (q === undefined || q.length <= PLANS_QUERY_MAX_LENGTH) &&
    Number.isInteger(page) &&
    page >= 1 &&
    page <= PLANS_MAX_PAGE;
  if (!valid) return { page: 1 };
  return { ...(type ? { type } : {}), ...(q !== undefined ? { q } : {}), page };
}

export function plansQueryString(q: PlansQuery): string {
  const p = new URLSearchParams();
  if (q.type) p.set("type", q.type);
  if (q.q) p.set("q", q.q);
  if (q.page > 1) p.set("page", String(q.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
