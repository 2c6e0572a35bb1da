import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/auth/dal";
import { backupCodesLeft } from "@/lib/auth/sign-in";
import { isDemoMode } from "@/lib/tenants";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { DisableTotp, EnableTotp } from "./_components/totp-settings";

export const metadata: Metadata = { title: "Security settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const s = await requireSignedIn();
  const q = await searchParams;
  const isAdmin = Object.values(s.user.roles).includes("admin");
  const codesLeft = s.twoFactorEnabled ? await backupCodesLeft(s.user.id) : null;
  return (
    <>
      <h1 className="text-2xl font-semibold">Security settings</h1>
      <p className="mt-1 text-slate-600">
        {s.user.name} ({s.user.username})
      </p>
      {s.mustEnrollTotp && (
        <p role="alert" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          You are an administrator: turn on two-factor sign-in before you use the console.
        </p>
      )}
      {q.totp === "enabled" && (
        <p role="status" className="mt-4 rounded border border-green-400 bg-green-50 p-3 text-green-950">
          Two-factor sign-in is on. From now on, signing in asks for a code from your app.
        </p>
      )}
      <section aria-labelledby="totp-heading" className="mt-6 rounded border border-slate-300 bg-white p-5">
        <h2 id="totp-heading" className="text-lg font-semibold">
          Two-factor sign-in (TOTP)
        </h2>
        {s.twoFactorEnabled ? (
          <>
            <p className="mt-2 text-sm">On. Signing in asks for a code from your authenticator app.</p>
            {codesLeft !== null && (
              <p className="mt-2 text-sm" data-testid="backup-codes-left">
                {codesLeft === 1 ? "1 backup code left" : `${codesLeft} backup codes left`}: each works once in place of a code from the app, for when your
                phone is not at hand.{codesLeft <= 2 ? " Turn two-factor sign-in off and on again for new ones." : ""}
              </p>
            )}
            {isAdmin && !isDemoMode() ? <p className="mt-2 text-sm text-slate-700">Administrators must keep it on.</p> : <DisableTotp />}
          </>
        ) : (
          <>
            <p className="mt-2 text-sm">Off. {isAdmin && !isDemoMode() ? "Required for administrators." : "Recommended for everyone."}</p>
            <EnableTotp />
          </>
        )}
      </section>
      <section aria-labelledby="sessions-heading" className="mt-6 rounded border border-slate-300 bg-white p-5">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-2 text-sm">Signed-in sessions end after a period without activity, and after a fixed lifetime in any case.</p>
        <SignOutEverywhere />
      </section>
    </>
  );
}
