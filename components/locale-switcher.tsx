"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { saveLocaleAction } from "@/lib/actions/save-locale";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALES, type Locale } from "@/i18n/locales";

// Each language is named in itself, so someone who cannot read the current one still finds theirs.
const OWN_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/**
 * Chooses the console's language: the cookie for this browser (works signed out, on the login
 * page), and for a signed-in user the stored choice that follows them (saveLocaleAction). The page
 * then renders again in the new language.
 */
export function LocaleSwitcher({ signedIn, tone }: { signedIn: boolean; tone: "dark" | "light" }) {
  const t = useTranslations("localeSwitcher");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (next: Locale) =>
    startTransition(async () => {
      document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
      if (signedIn) await saveLocaleAction({ locale: next });
      router.refresh();
    });
  const colours = tone === "dark" ? "border-slate-500 bg-slate-800 text-white" : "border-slate-400 bg-white text-slate-900";
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className={tone === "dark" ? "text-slate-300" : "text-slate-600"}>{t("label")}</span>
      <select
        className={`rounded border px-2 py-1 ${colours}`}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          if (isLocale(e.target.value)) choose(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {OWN_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
