import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

// Both catalogues are small; importing them statically keeps them typed (global.d.ts) and bundled.
const CATALOGUES = { en, "zh-CN": zhCN } satisfies Record<Locale, typeof en>;

export function messagesFor(locale: Locale): typeof en {
  return CATALOGUES[locale];
}
