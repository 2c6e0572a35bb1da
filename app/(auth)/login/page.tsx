import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { redirect } from "next/navigation";
import { getSessionUser, safeReturnPath } from "@/lib/auth/dal";
import { oidcRefusalOf } from "@/lib/auth/oidc/refusals";
import { oidcSettings, passwordsForBreakGlassOnly } from "@/lib/auth/oidc/settings";
import { isDemoMode } from "@/lib/tenants";
import { CompanySignIn } from "./company-sign-in";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const next = safeReturnPath(first(params.next));
  if (await getSessionUser()) redirect(next);
  const t = await getTranslations("login");
  const oidc = oidcSettings();
  // A company sign-in that came back refused (Better Auth's ?error=<code>): told in words, never the code alone.
  const error = first(params.error);
  const problem = error ? t(`oidcRefusal.${oidcRefusalOf(error)}`, { label: oidc?.label ?? t("companyFallbackLabel") }) : null;
  const breakGlassOnly = passwordsForBreakGlassOnly();
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-slate-300 bg-white p-8 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LocaleSwitcher signedIn={false} tone="light" />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("product")}</p>
      {problem && (
        <p role="alert" className="mt-6 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {problem}
        </p>
      )}
      {oidc && <CompanySignIn text={t("company", { label: oidc.label })} next={next} />}
      {oidc && !breakGlassOnly && (
        <p className="mt-6 flex items-center gap-3 text-sm text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
          {t("orLocal")}
        </p>
      )}
      {breakGlassOnly ? (
        <details className="mt-6 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("breakGlass")}</summary>
          <LoginForm next={next} />
        </details>
      ) : (
        <LoginForm next={next} />
      )}
      {isDemoMode() && <p className="mt-6 text-xs text-slate-600">{t.rich("demo", { code: (chunks) => <code>{chunks}</code> })}</p>}
    </main>
  );
}
