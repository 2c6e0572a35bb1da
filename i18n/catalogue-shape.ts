import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

// The shape of a message catalogue, for comparing two languages: every key path, and for each
// message the ICU arguments and rich-text tags it uses (the code fills in the same ones whatever the
// language). Used by the catalogue test; no I/O.

export type Catalogue = { [key: string]: string | Catalogue };

/** "plan.mark.summary" → its text, for every message (leaf) in the catalogue. */
export function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments ("count") and tags ("<strong>") a message uses, sorted. How an argument is written
 * may differ between languages (Chinese has no plural forms: `{count, number} 个` where English says
 * `{count, plural, …}`); which arguments and tags there are may not.
 */
export function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}
