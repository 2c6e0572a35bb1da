import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { redirect } from "next/navigation";
import { getSessionUser, safeReturnPath } from "@/lib/auth/dal";
import { isDemoMode } from "@/lib/tenants";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeReturnPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getSessionUser()) redirect(next);
  const t = await getTranslations("login");
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-slate-300 bg-white p-8 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LocaleSwitcher signedIn={false} tone="light" />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("product")}</p>
      <LoginForm next={next} />
      {isDemoMode() && <p className="mt-6 text-xs text-slate-600">{t.rich("demo", { code: (chunks) => <code>{chunks}</code> })}</p>}
    </main>
  );
}
