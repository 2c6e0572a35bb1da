// The plans page's URL state (type filter, search, page, the "needs attention" filter and the sort), read and written without zod: the browser
// needs it and zod would be most of its script. The route handler validates what reaches it with the
// schema in lib/schemas/plans.ts; tests/unit/plans-query.test.ts holds the two to the same answers.
export const PLAN_TYPES = ["EXTERNAL", "RESULT", "ACCELERATE"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
export const PLANS_PAGE_SIZE = 20;
export const PLANS_QUERY_MAX_LENGTH = 100;
export const PLANS_MAX_PAGE = 10_000;

/** Default (absent): plans needing attention first. The order applies to the visible page (docs/decisions/0028-morning-view.md). */
export const PLAN_SORTS = ["lateness", "name"] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

export type PlansQuery = {
  type?: PlanType | undefined;
  q?: string | undefined;
  page: number;
  /** Only plans that are late or have failed, missing or unknown partitions in their strip. */
  attention?: true | undefined;
  sort?: PlanSort | undefined;
};

const isPlanType = (v: string): v is PlanType => (PLAN_TYPES as readonly string[]).includes(v);
const isPlanSort = (v: string): v is PlanSort => (PLAN_SORTS as readonly string[]).includes(v);

/** Reads the query from URLSearchParams or a Next searchParams object; any invalid value gives the first page unfiltered. */
export function readPlansQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): PlansQuery {
  const get = (k: string): string | undefined => {
    const v = input instanceof URLSearchParams ? input.get(k) : input[k];
    const first = Array.isArray(v) ? v[0] : v;
    return first === "" || first === null ? undefined : first;
  };
  const [type, rawQ, rawPage, attention, sort] = [get("type"), get("q"), get("page"), get("attention"), get("sort")];
  const q = rawQ?.trim();
  const page = rawPage === undefined ? 1 : Number(rawPage);
  const valid =
    (type === undefined || isPlanType(type)) &&
    (q === undefined || q.length <= PLANS_QUERY_MAX_LENGTH) &&
    Number.isInteger(page) &&
    page >= 1 &&
    page <= PLANS_MAX_PAGE &&
    (attention === undefined || attention === "1") &&
    (sort === undefined || isPlanSort(sort));
  if (!valid) return { page: 1 };
  return {
    ...(type ? { type } : {}),
    ...(q !== undefined ? { q } : {}),
    page,
    ...(attention ? { attention: true as const } : {}),
    ...(sort ? { sort } : {}),
  };
}

export function plansQueryString(q: PlansQuery): string {
  const p = new URLSearchParams();
  if (q.type) p.set("type", q.type);
  if (q.q) p.set("q", q.q);
  if (q.page > 1) p.set("page", String(q.page));
  if (q.attention) p.set("attention", "1");
  if (q.sort) p.set("sort", q.sort);
  const s = p.toString();
  return s ? `?${s}` : "";
}
