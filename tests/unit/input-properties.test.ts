import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countKeysInRanges, enumerateKeys, isValidKey, keysToRanges, parseRangeInput, rangesToCanTimeRanges, canTimeRangesToRanges } from "@/lib/partitions";
import { clearPartitionsInput, markPartitionsInput, MAX_PARTITIONS_PER_ACTION } from "@/lib/schemas/marks";

// Property-based checks of what the browser (or anyone posting to a server action) can send:
// every input either parses to a correct, bounded result or is refused as a validation error;
// nothing throws.

const base = { tenantId: "acme", planUuid: "32dceae13e74f77d0a663e1f62c509f4" };
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Date-like strings, many impossible (2025-02-30, month 13, day 00). */
const dateish = fc
  .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme", maxLength: 40 }), dateish, fc.constant(""));
/** Mostly real, ordered ranges inside one month (so success and failed often overlap), some junk. */
const realRange = fc
  .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 }))
  .map(([d, len]) => ({ start: `2025-11-${pad(d)}`, end: `2025-11-${pad(Math.min(30, d + len))}` }));
const range = fc.oneof(
  { weight: 4, arbitrary: realRange },
  { weight: 1, arbitrary: fc.record({ start: fc.oneof(dateish, anyText), end: fc.oneof(dateish, anyText) }) },
);
const junk = fc.oneof(fc.anything(), fc.array(range, { maxLength: 5 }), anyText);

describe("server action inputs (fast-check)", () => {
  it("mark input: a parse is valid and bounded, or a VALIDATION error; never a throw", () => {
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 6 }),
        fc.array(range, { maxLength: 6 }),
        fc.constantFrom("DAY", "DAY", "DAY", "MONTH", "WEEK", 7),
        (success, failed, granularity) => {
          const r = markPartitionsInput.safeParse({ ...base, granularity, success, failed });
          if (!r.success) return r.error.issues.length > 0;
          const g = r.data.granularity;
          const all = [...r.data.success, ...r.data.failed];
          expect(all.every((x) => isValidKey(x.start, g) && isValidKey(x.end, g) && x.start <= x.end)).toBe(true);
          expect(r.data.total).toBe(countKeysInRanges(r.data.success, g) + countKeysInRanges(r.data.failed, g));
          expect(r.data.total).toBeGreaterThan(0);
          expect(r.data.total).toBeLessThanOrEqual(MAX_PARTITIONS_PER_ACTION);
          expect(countKeysInRanges(all, g)).toBe(r.data.total); // success and failed never overlap
          return true;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("any value at all is refused or parsed, never thrown on", () => {
    fc.assert(
      fc.property(junk, junk, (a, b) => {
        expect(() => markPartitionsInput.safeParse({ ...base, granularity: "DAY", success: a, failed: b })).not.toThrow();
        expect(() => clearPartitionsInput.safeParse({ ...base, granularity: "MONTH", ranges: a })).not.toThrow();
        expect(() => markPartitionsInput.safeParse(a)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("lib/partitions properties (fast-check)", () => {
  const days = enumerateKeys("2020-01-01", "2028-12-31", "DAY");
  const dayKey = fc.integer({ min: 0, max: days.length - 1 }).map((n) => days[n] as string);

  it("keys → ranges → CAN time ranges → ranges → keys is the identity", () => {
    fc.assert(
      fc.property(fc.uniqueArray(dayKey, { maxLength: 60 }), (keys) => {
        const ranges = keysToRanges(keys, "DAY");
        const back = canTimeRangesToRanges(rangesToCanTimeRanges(ranges, "DAY"), "DAY");
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.ranges).toEqual(ranges);
        expect(countKeysInRanges(ranges, "DAY")).toBe(keys.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("typed range input never throws and only yields real, ordered ranges", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            dateish,
            anyText,
            fc.tuple(dateish, dateish).map(([a, b]) => `${a}..${b}`),
          ),
          { maxLength: 6 },
        ),
        fc.constantFrom(" ", ",", "\n"),
        (items, sep) => {
          const r = parseRangeInput(items.join(sep), "DAY");
          if (r.ok) expect(r.ranges.every((x) => isValidKey(x.start, "DAY") && isValidKey(x.end, "DAY") && x.start <= x.end)).toBe(true);
          else expect(r.problem.kind).toMatch(/^(not-a-range|whole-month|invalid-key|reversed)$/);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
