import { describe, expect, it } from "vitest";
import { normalizeRanges } from "./ranges";
import { addRange, extendTo, removeRange, selectionFromUrlParam, selectionSize, selectionToUrlParam, selectOnly, toggleKey, type Selection } from "./selection";
import { randInt, refEnumerate, refRuns, seededRandom } from "./test-support";

const r = (start: string, end = start) => ({ start, end });

describe("selectOnly", () => {
  it("selects exactly one key", () => {
    expect(selectOnly("2025-10-22")).toEqual([r("2025-10-22")]);
  });
});

describe("toggleKey", () => {
  it("adds a key, merging with neighbours", () => {
    expect(toggleKey([r("2025-10-01", "2025-10-03"), r("2025-10-05")], "2025-10-04", "DAY")).toEqual([r("2025-10-01", "2025-10-05")]);
    expect(toggleKey([], "2025-10-04", "DAY")).toEqual([r("2025-10-04")]);
  });
  it("removes a key, splitting its range", () => {
    expect(toggleKey([r("2025-10-01", "2025-10-05")], "2025-10-03", "DAY")).toEqual([r("2025-10-01", "2025-10-02"), r("2025-10-04", "2025-10-05")]);
    expect(toggleKey([r("2025-10-03")], "2025-10-03", "DAY")).toEqual([]);
  });
  it("splits across a month boundary correctly", () => {
    expect(toggleKey([r("2025-02-27", "2025-03-02")], "2025-03-01", "DAY")).toEqual([r("2025-02-27", "2025-02-28"), r("2025-03-02")]);
    expect(toggleKey([r("2024-02-27", "2024-03-02")], "2024-03-01", "DAY")).toEqual([r("2024-02-27", "2024-02-29"), r("2024-03-02")]);
    expect(toggleKey([r("2025-11", "2026-02")], "2026-01", "MONTH")).toEqual([r("2025-11", "2025-12"), r("2026-02")]);
  });
  it("does not mutate the selection it was given", () => {
    const sel: Selection = [r("2025-10-01", "2025-10-05")];
    toggleKey(sel, "2025-10-03", "DAY");
    toggleKey(sel, "2025-10-09", "DAY");
    expect(sel).toEqual([r("2025-10-01", "2025-10-05")]);
  });
});

describe("addRange / removeRange", () => {
  it("accept their ends in either order", () => {
    expect(addRange([], "2025-10-05", "2025-10-01", "DAY")).toEqual([r("2025-10-01", "2025-10-05")]);
    expect(removeRange([r("2025-10-01", "2025-10-31")], "2025-10-20", "2025-10-10", "DAY")).toEqual([
      r("2025-10-01", "2025-10-09"),
      r("2025-10-21", "2025-10-31"),
    ]);
  });
  it("removeRange trims, deletes and leaves untouched ranges alone", () => {
    const sel = [r("2025-10-01", "2025-10-05"), r("2025-10-08", "2025-10-09"), r("2025-10-12", "2025-10-15"), r("2025-10-20")];
    expect(removeRange(sel, "2025-10-04", "2025-10-13", "DAY")).toEqual([r("2025-10-01", "2025-10-03"), r("2025-10-14", "2025-10-15"), r("2025-10-20")]);
    expect(removeRange(sel, "2025-09-01", "2025-12-31", "DAY")).toEqual([]);
    expect(removeRange(sel, "2025-10-06", "2025-10-07", "DAY")).toEqual(sel);
  });
  it("reject invalid keys loudly", () => {
    expect(() => addRange([], "2025-02-29", "2025-03-01", "DAY")).toThrow(RangeError);
    expect(() => removeRange([], "2025-10", "2025-11", "DAY")).toThrow(RangeError);
  });
});

describe("extendTo", () => {
  const sel = [r("2025-10-01"), r("2025-10-20", "2025-10-22")];
  it("replaces the selection with anchor..key when not additive, in either direction", () => {
    expect(extendTo(sel, "2025-10-10", "2025-10-05", "DAY", false)).toEqual([r("2025-10-05", "2025-10-10")]);
    expect(extendTo(sel, "2025-10-10", "2025-10-12", "DAY", false)).toEqual([r("2025-10-10", "2025-10-12")]);
    expect(extendTo(sel, "2025-10-10", "2025-10-10", "DAY", false)).toEqual([r("2025-10-10")]);
  });
  it("adds anchor..key to the selection when additive", () => {
    expect(extendTo(sel, "2025-10-10", "2025-10-02", "DAY", true)).toEqual([r("2025-10-01", "2025-10-10"), r("2025-10-20", "2025-10-22")]);
  });
});

describe("selectionSize", () => {
  it("counts keys without enumerating", () => {
    expect(selectionSize([], "DAY")).toBe(0);
    expect(selectionSize([r("2024-01-01", "2024-12-31"), r("2025-03-01")], "DAY")).toBe(367);
    expect(selectionSize([r("1000-01", "9999-12")], "MONTH")).toBe(9000 * 12);
  });
});

describe("URL parameter", () => {
  it("is compact and round-trips", () => {
    const sel = [r("2025-10-01", "2025-10-31"), r("2025-11-03")];
    expect(selectionToUrlParam(sel)).toBe("2025-10-01..2025-10-31,2025-11-03");
    expect(selectionFromUrlParam("2025-10-01..2025-10-31,2025-11-03", "DAY")).toEqual(sel);
    expect(selectionToUrlParam([])).toBe("");
    expect(selectionFromUrlParam(selectionToUrlParam([r("2025-01", "2025-03"), r("2025-12")]), "MONTH")).toEqual([r("2025-01", "2025-03"), r("2025-12")]);
  });
  it.each([null, undefined, "", "garbage", "2025-10-01..2025-02-30", "2025-10-01,nope", "2025-10-05..2025-10-01"])("is tolerant: %j -> []", (s) => {
    expect(selectionFromUrlParam(s, "DAY")).toEqual([]);
  });
  it("normalizes a hand-edited parameter", () => {
    expect(selectionFromUrlParam("2025-10-05,2025-10-01..2025-10-04", "DAY")).toEqual([r("2025-10-01", "2025-10-05")]);
  });
});

describe("random operation sequences match a Set reference", () => {
  it("500 sequences of 20 operations over Feb-Mar 2024", () => {
    const rand = seededRandom(99);
    const lo = "2024-02-01";
    const hi = "2024-03-31";
    const days = refEnumerate(lo, hi, "DAY");
    const pick = (): string => days[randInt(rand, 0, days.length - 1)] ?? lo;
    for (let seq = 0; seq < 500; seq++) {
      let sel: Selection = [];
      let ref = new Set<string>();
      let anchor = pick();
      for (let step = 0; step < 20; step++) {
        const a = pick();
        const b = pick();
        const span = refEnumerate(a < b ? a : b, a < b ? b : a, "DAY");
        switch (randInt(rand, 0, 5)) {
          case 0:
            sel = selectOnly(a);
            ref = new Set([a]);
            anchor = a;
            break;
          case 1:
            sel = toggleKey(sel, a, "DAY");
            if (ref.has(a)) ref.delete(a);
            else ref.add(a);
            anchor = a;
            break;
          case 2:
            sel = addRange(sel, a, b, "DAY");
            for (const k of span) ref.add(k);
            break;
          case 3:
            sel = removeRange(sel, a, b, "DAY");
            for (const k of span) ref.delete(k);
            break;
          case 4: {
            const additive = rand() < 0.5;
            sel = extendTo(sel, anchor, a, "DAY", additive);
            if (!additive) ref = new Set();
            for (const k of refEnumerate(anchor < a ? anchor : a, anchor < a ? a : anchor, "DAY")) ref.add(k);
            break;
          }
          default:
            sel = selectionFromUrlParam(selectionToUrlParam(sel), "DAY");
        }
        expect(sel).toEqual(refRuns(ref, lo, hi, "DAY"));
        expect(normalizeRanges(sel, "DAY")).toEqual(sel);
        expect(selectionSize(sel, "DAY")).toBe(ref.size);
      }
    }
  });
});
