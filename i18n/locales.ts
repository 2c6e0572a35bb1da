// The console's languages (client-safe, no I/O). English stays the default: the e2e browser and
// every machine-facing text (exports, audit action names, the CLI, the /can API, logs) speak it.
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers the choice in a browser (the login page has no user to store it with). */
export const LOCALE_COOKIE = "console-locale";
/** A year: the choice outlives sessions; a signed-in user's stored choice wins over it anyway. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first language of an Accept-Language header we speak: any Chinese tag maps to zh-CN (the one
 * Chinese we have), any English tag to en. Weights order the tags; unknown tags are skipped.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const tags = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

/**
 * The locale Intl formats dates with: English as the console has always written them ("22 October
 * 2025", day first, as in en-GB), Chinese as zh-CN ("2025年10月22日").
 */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", "zh-CN": "zh-CN" };
