import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/dal";
import { backupCodesLeft } from "@/lib/auth/sign-in";
import { isDemoMode } from "@/lib/tenants";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { DisableTotp, EnableTotp } from "./_components/totp-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const s = await requireSignedIn();
  const q = await searchParams;
  const isAdmin = Object.values(s.user.roles).includes("admin");
  const codesLeft = s.twoFactorEnabled ? await backupCodesLeft(s.user.id) : null;
  const t = await getTranslations("settings");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">
        {s.user.name} ({s.user.username})
      </p>
      {s.mustEnrollTotp && (
        <p role="alert" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          {t("mustEnrol")}
        </p>
      )}
      {q.totp === "enabled" && (
        <p role="status" className="mt-4 rounded border border-green-400 bg-green-50 p-3 text-green-950">
          {t("enabledNotice")}
        </p>
      )}
      <section aria-labelledby="totp-heading" className="mt-6 rounded border border-slate-300 bg-white p-5">
        <h2 id="totp-heading" className="text-lg font-semibold">
          {t("totpHeading")}
        </h2>
        {s.twoFactorEnabled ? (
          <>
            <p className="mt-2 text-sm">{t("totpOn")}</p>
            {codesLeft !== null && (
              <p className="mt-2 text-sm" data-testid="backup-codes-left">
                {t("codesLeft", { count: codesLeft })}
                {codesLeft <= 2 ? ` ${t("codesLow")}` : ""}
              </p>
            )}
            {isAdmin && !isDemoMode() ? <p className="mt-2 text-sm text-slate-700">{t("adminsKeep")}</p> : <DisableTotp />}
          </>
        ) : (
          <>
            <p className="mt-2 text-sm">{isAdmin && !isDemoMode() ? t("totpOffRequired") : t("totpOffRecommended")}</p>
            <EnableTotp />
          </>
        )}
      </section>
      <section aria-labelledby="sessions-heading" className="mt-6 rounded border border-slate-300 bg-white p-5">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessionsHeading")}
        </h2>
        <p className="mt-2 text-sm">{t("sessionsText")}</p>
        <SignOutEverywhere />
      </section>
    </>
  );
}
