import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PLAN_SORTS, PLAN_TYPES, plansQueryString, readPlansQuery } from "@/lib/plans-query";
import { parsePlansQuery } from "@/lib/schemas/plans";

// The page and the browser read the URL with the plain reader; the route handler validates with the
// zod schema. Whatever the route accepts, the reader reads the same way; whatever it refuses, the
// reader falls back to the first page unfiltered.

const value = fc.oneof(
  fc.constantFrom(...PLAN_TYPES, ...PLAN_SORTS, "", " ", "0", "1", "2", "true", "Name", "-1", "1.5", "1e3", "0x10", " 7 ", "10000", "10001", "abc", "external"),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("x".repeat(100), "x".repeat(101), ` ${"x".repeat(100)} `),
  fc.string({ minLength: 95, maxLength: 110 }),
  fc.stringMatching(/^\s{0,3}[a-z_]{0,12}\s{0,3}$/),
);
const params = fc.record({ type: fc.option(value), q: fc.option(value), page: fc.option(value), attention: fc.option(value), sort: fc.option(value) });

function toSearch(p: Record<string, string | null>): URLSearchParams {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== null) s.set(k, v);
  return s;
}

describe("readPlansQuery and the route's schema", () => {
  it("agree on every query the route accepts, and the reader falls back on the rest", () => {
    fc.assert(
      fc.property(params, (p) => {
        const search = toSearch(p);
        const checked = parsePlansQuery(search);
        const read = readPlansQuery(search);
        if (checked.ok) expect(read).toEqual(checked.query);
        else expect(read).toEqual({ page: 1 });
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads what plansQueryString wrote", () => {
    for (const q of [
      { page: 1 },
      { type: "RESULT" as const, page: 3 },
      { q: "orders daily", page: 2 },
      { type: "EXTERNAL" as const, q: "a&b=c", page: 1 },
      { page: 2, attention: true as const, sort: "lateness" as const },
      { page: 1, sort: "name" as const },
    ])
      expect(readPlansQuery(new URLSearchParams(plansQueryString(q).slice(1)))).toEqual(q);
  });

  it("takes the first of a repeated parameter from Next's searchParams", () => {
    expect(readPlansQuery({ type: ["RESULT", "EXTERNAL"], page: "2" })).toEqual({ type: "RESULT", page: 2 });
  });
});
