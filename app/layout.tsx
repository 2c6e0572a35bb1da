import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";
import { SITE_ICON } from "./site-icon";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: t("titleTemplate") }, description: t("description"), icons: { icon: SITE_ICON } };
}

// Every page carries this request's CSP nonce on its scripts (proxy.ts), so none may be prerendered:
// a static page, the built-in 404 included, would ship scripts without one and the browser would block them.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's language (i18n/request.ts) for screen readers, hyphenation and CJK fonts.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
