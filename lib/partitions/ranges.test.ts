import { describe, expect, it } from "vitest";
import type { Granularity } from "./granularity";
import { addKeys, keyToOrdinal } from "./keys";
import {
  canTimeRangesToRanges,
  countKeysInRanges,
  keysToRanges,
  normalizeRanges,
  rangeContains,
  rangesToCanTimeRanges,
  rangesToKeys,
  type KeyRange,
} from "./ranges";
import { randInt, randomKey, refEnumerate, refRuns, seededRandom } from "./test-support";

const BOTH: Granularity[] = ["DAY", "MONTH"];

describe("keysToRanges", () => {
  it("dedupes, sorts and collapses consecutive runs", () => {
    expect(keysToRanges(["2025-10-03", "2025-10-01", "2025-10-02", "2025-10-02", "2025-10-05", "2025-10-07", "2025-10-06"], "DAY")).toEqual([
      { start: "2025-10-01", end: "2025-10-03" },
      { start: "2025-10-05", end: "2025-10-07" },
    ]);
    expect(keysToRanges([], "DAY")).toEqual([]);
    expect(keysToRanges(new Set(["2025-10-22"]), "DAY")).toEqual([{ start: "2025-10-22", end: "2025-10-22" }]);
  });

  it("joins across month, year and leap-day boundaries, and only where days really are consecutive", () => {
    expect(keysToRanges(["2024-12-31", "2025-01-01"], "DAY")).toEqual([{ start: "2024-12-31", end: "2025-01-01" }]);
    expect(keysToRanges(["2024-02-28", "2024-03-01"], "DAY")).toHaveLength(2); // 2024-02-29 is missing
    expect(keysToRanges(["2025-02-28", "2025-03-01"], "DAY")).toEqual([{ start: "2025-02-28", end: "2025-03-01" }]);
    expect(keysToRanges(["1900-02-28", "1900-03-01"], "DAY")).toHaveLength(1);
    expect(keysToRanges(["2000-02-28", "2000-03-01"], "DAY")).toHaveLength(2);
    expect(keysToRanges(["2025-12", "2026-01", "2026-03"], "MONTH")).toEqual([
      { start: "2025-12", end: "2026-01" },
      { start: "2026-03", end: "2026-03" },
    ]);
  });

  it("throws on keys of the wrong granularity", () => {
    expect(() => keysToRanges(["2025-10"], "DAY")).toThrow(RangeError);
    expect(() => keysToRanges(["2025-10-01"], "MONTH")).toThrow(RangeError);
  });
});

describe("normalizeRanges / countKeysInRanges / rangesToKeys", () => {
  it("merges overlapping, contained and adjacent ranges, keeps gaps", () => {
    const input: KeyRange[] = [
      { start: "2025-10-10", end: "2025-10-12" },
      { start: "2025-10-01", end: "2025-10-05" },
      { start: "2025-10-03", end: "2025-10-04" },
      { start: "2025-10-06", end: "2025-10-06" },
      { start: "2025-10-14", end: "2025-10-20" },
      { start: "2025-10-15", end: "2025-10-16" },
    ];
    const expected = [
      { start: "2025-10-01", end: "2025-10-06" },
      { start: "2025-10-10", end: "2025-10-12" },
      { start: "2025-10-14", end: "2025-10-20" },
    ];
    expect(normalizeRanges(input, "DAY")).toEqual(expected);
    expect(countKeysInRanges(input, "DAY")).toBe(6 + 3 + 7);
    expect(rangesToKeys(input, "DAY")).toEqual([
      ...refEnumerate("2025-10-01", "2025-10-06", "DAY"),
      ...refEnumerate("2025-10-10", "2025-10-12", "DAY"),
      ...refEnumerate("2025-10-14", "2025-10-20", "DAY"),
    ]);
  });

  it("merges ranges adjacent across a year end and a leap day", () => {
    expect(
      normalizeRanges(
        [
          { start: "2024-03-01", end: "2024-03-02" },
          { start: "2023-12-01", end: "2023-12-31" },
          { start: "2024-01-01", end: "2024-02-29" },
        ],
        "DAY",
      ),
    ).toEqual([{ start: "2023-12-01", end: "2024-03-02" }]);
    expect(countKeysInRanges([{ start: "2024-01-01", end: "2024-12-31" }], "DAY")).toBe(366);
    expect(countKeysInRanges([{ start: "2025-01-01", end: "2025-12-31" }], "DAY")).toBe(365);
    expect(countKeysInRanges([{ start: "1900-01-01", end: "1900-12-31" }], "DAY")).toBe(365);
    expect(countKeysInRanges([{ start: "2000-01-01", end: "2000-12-31" }], "DAY")).toBe(366);
    expect(countKeysInRanges([{ start: "2020-01", end: "2025-12" }], "MONTH")).toBe(72);
  });

  it("does not mutate its input", () => {
    const input: KeyRange[] = [
      { start: "2025-10-05", end: "2025-10-06" },
      { start: "2025-10-01", end: "2025-10-05" },
    ];
    const copy = structuredClone(input);
    normalizeRanges(input, "DAY");
    expect(input).toEqual(copy);
  });

  it("throws on reversed or invalid ranges", () => {
    expect(() => normalizeRanges([{ start: "2025-10-05", end: "2025-10-01" }], "DAY")).toThrow(/before start/);
    expect(() => normalizeRanges([{ start: "2025-02-29", end: "2025-03-01" }], "DAY")).toThrow(RangeError);
  });

  it("normalizes 100,000 random ranges correctly (checked by a coverage sweep)", () => {
    const rand = seededRandom(100_000);
    const g: Granularity = "DAY";
    const ranges: KeyRange[] = [];
    for (let i = 0; i < 100_000; i++) {
      const start = randomKey(rand, g, 1000, 9998);
      ranges.push({ start, end: addKeys(start, randInt(rand, 0, 40), g) });
    }
    const normalized = normalizeRanges(ranges, g);

    // Reference: mark covered days in a bitmap over the whole key space, then read runs off it.
    const base = keyToOrdinal("1000-01-01", g);
    const covered = new Uint8Array(keyToOrdinal("9999-12-31", g) - base + 1);
    for (const r of ranges) covered.fill(1, keyToOrdinal(r.start, g) - base, keyToOrdinal(r.end, g) - base + 1);
    const refRanges: [number, number][] = [];
    let total = 0;
    for (let i = 0; i < covered.length; i++) {
      if (!covered[i]) continue;
      total++;
      const last = refRanges[refRanges.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else refRanges.push([i, i]);
    }
    expect(normalized.map((r) => [keyToOrdinal(r.start, g) - base, keyToOrdinal(r.end, g) - base])).toEqual(refRanges);
    expect(countKeysInRanges(ranges, g)).toBe(total);
  });
});

describe("rangeContains", () => {
  const ranges = normalizeRanges(
    [
      { start: "2025-01-01", end: "2025-01-03" },
      { start: "2025-02-10", end: "2025-02-10" },
      { start: "2025-03-01", end: "2025-03-31" },
    ],
    "DAY",
  );
  it.each([
    ["2024-12-31", false],
    ["2025-01-01", true],
    ["2025-01-03", true],
    ["2025-01-04", false],
    ["2025-02-10", true],
    ["2025-02-11", false],
    ["2025-03-15", true],
    ["2025-03-31", true],
    ["2025-04-01", false],
  ])("%s -> %s", (key, inside) => {
    expect(rangeContains(ranges, key)).toBe(inside);
  });
  it("is false for an empty list", () => {
    expect(rangeContains([], "2025-01-01")).toBe(false);
  });
});

describe("random round trips keys <-> ranges <-> CAN time ranges, against brute force", () => {
  for (const g of BOTH) {
    it(`${g}: 300 random key sets`, () => {
      const rand = seededRandom(g === "DAY" ? 11 : 12);
      for (let trial = 0; trial < 300; trial++) {
        const windowStart = randomKey(rand, g, 1998, 2030);
        const windowEnd = addKeys(windowStart, randInt(rand, 0, g === "DAY" ? 120 : 40), g);
        const window = refEnumerate(windowStart, windowEnd, g);
        const density = rand();
        const set = new Set(window.filter(() => rand() < density));
        // Shuffled, with duplicates, to prove order and repeats do not matter.
        const input = [...set, ...[...set].filter(() => rand() < 0.3)].sort(() => rand() - 0.5);

        const ranges = keysToRanges(input, g);
        expect(ranges).toEqual(refRuns(set, windowStart, windowEnd, g));
        expect(rangesToKeys(ranges, g)).toEqual([...set].sort());
        expect(countKeysInRanges(ranges, g)).toBe(set.size);
        for (const k of window) expect(rangeContains(ranges, k)).toBe(set.has(k));

        const wire = rangesToCanTimeRanges(ranges, g);
        expect(wire.every((w) => w.dateGranularity === g && w.startTime.endsWith("T00:00:00"))).toBe(true);
        if (g === "MONTH") expect(wire.every((w) => w.startTime.slice(8, 10) === "01")).toBe(true);
        expect(canTimeRangesToRanges(wire, g)).toEqual({ ok: true, ranges });
      }
    });

    it(`${g}: 300 random overlapping range lists normalize like the brute-force key set`, () => {
      const rand = seededRandom(g === "DAY" ? 21 : 22);
      for (let trial = 0; trial < 300; trial++) {
        const ranges: KeyRange[] = [];
        const set = new Set<string>();
        const n = randInt(rand, 0, 12);
        for (let i = 0; i < n; i++) {
          const start = randomKey(rand, g, 2020, 2023);
          const end = addKeys(start, randInt(rand, 0, g === "DAY" ? 60 : 6), g);
          ranges.push({ start, end });
          for (const k of refEnumerate(start, end, g)) set.add(k);
        }
        const lo = g === "DAY" ? "2020-01-01" : "2020-01";
        const hi = g === "DAY" ? "2024-12-31" : "2024-12";
        expect(normalizeRanges(ranges, g)).toEqual(refRuns(set, lo, hi, g));
        expect(rangesToKeys(ranges, g)).toEqual([...set].sort());
        expect(countKeysInRanges(ranges, g)).toBe(set.size);
      }
    });
  }
});
