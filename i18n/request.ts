import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentSession } from "@/lib/auth/dal";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "./locales";
import { messagesFor } from "./messages";

// No locale in the URL: a signed-in user's stored choice, else this browser's cookie (set by the
// switcher, also on the login page), else the browser's Accept-Language. ADR 0024.
async function requestLocale(): Promise<Locale> {
  const stored = (await getCurrentSession())?.locale;
  if (stored) return stored;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Times are formatted by lib/time/format.ts in the viewer's own zone, never by next-intl; the
  // zone here only keeps next-intl from guessing one (and from warning about it).
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
