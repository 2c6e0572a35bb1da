import type en from "./messages/en.json";
import type { Locale } from "./i18n/locales";

// next-intl checks every message key and the locale against English, the reference catalogue.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
