import { describe, expect, it } from "vitest";
import { flatten, placeholders, type Catalogue } from "@/i18n/catalogue-shape";
import { LOCALES } from "@/i18n/locales";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";

// English is the reference catalogue (global.d.ts types every key against it). Every other language
// has exactly its keys, and each message takes the same arguments and tags, so nothing falls back
// to a key name or loses a value on screen.
const CATALOGUES: Record<(typeof LOCALES)[number], Catalogue> = { en, "zh-CN": zhCN };
const reference = flatten(en);

describe.each(LOCALES.filter((l) => l !== "en"))("messages/%s.json", (locale) => {
  const other = flatten(CATALOGUES[locale]);

  it("has every key of English and no other", () => {
    expect([...other.keys()].filter((k) => !reference.has(k))).toEqual([]);
    expect([...reference.keys()].filter((k) => !other.has(k))).toEqual([]);
  });

  it("uses the same ICU arguments and tags as English in every message", () => {
    const differ = [...reference].flatMap(([key, text]) => {
      const theirs = other.get(key);
      if (theirs === undefined) return [];
      const [a, b] = [placeholders(text), placeholders(theirs)];
      return a.join() === b.join() ? [] : [`${key}: en ${a.join(" ")} | ${locale} ${b.join(" ")}`];
    });
    expect(differ).toEqual([]);
  });
});

describe("the catalogue checks", () => {
  it("find a key missing from one side", () => {
    const a = flatten({ plan: { title: "Plan", reload: "Reload" } });
    const b = flatten({ plan: { title: "方案" } });
    expect([...a.keys()].filter((k) => !b.has(k))).toEqual(["plan.reload"]);
  });

  it("tell messages with different arguments or tags apart", () => {
    const en = "{count, plural, one {# plan} other {# plans}} in <b>{tenant}</b>";
    expect(placeholders(en)).toEqual(["<b>", "count", "tenant"]);
    // Chinese counts without plural forms: the same arguments, written another way.
    expect(placeholders("<b>{tenant}</b> 中共 {count, number} 个方案")).toEqual(placeholders(en));
    expect(placeholders("<b>{tenant}</b> 中共 {n, number} 个方案")).not.toEqual(placeholders(en));
    expect(placeholders("{tenant} 中共 {count, number} 个方案")).not.toEqual(placeholders(en));
    expect(placeholders("{unit, select, week {{n} weeks} other {{n} years}}")).toEqual(["n", "unit"]);
  });
});
