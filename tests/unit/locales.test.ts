import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "@/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it("takes the first language the console speaks, by weight then order", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, zh-TW;q=0.8, en;q=0.5")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0.4, zh-Hans;q=0.7")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, fr;q=0.8")).toBe("en");
  });

  it("falls back to English without a usable header", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage("zh;q=0")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
  });

  it("accepts only the two locales as a stored or cookie value", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale("en-US")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
