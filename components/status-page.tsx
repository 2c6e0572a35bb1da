import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getCurrentSession, tenantOfRequestedPath, visibleTenantsFor } from "@/lib/auth/dal";
import { ConsoleHeader } from "./console-header";

/**
 * The frame of the 403 and 404 pages: the console's header when someone is signed in (with the
 * tenant of the path selected, if they hold a role there), what happened, and a way back.
 */
export async function StatusPage({ title, children }: { title: string; children?: ReactNode }) {
  const session = await getCurrentSession();
  const user = session?.user;
  const tenant = user ? await tenantOfRequestedPath(user) : undefined;
  const t = await getTranslations("statusPage");
  return (
    <>
      {user && <ConsoleHeader user={user} tenants={await visibleTenantsFor(user)} current={tenant?.id} />}
      <main className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <div className="mt-3 space-y-2 text-slate-700">{children}</div>
        <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
          {tenant && (
            <li>
              <Link className="text-blue-800 underline" href={`/t/${encodeURIComponent(tenant.id)}/plans`}>
                {t("back", { tenant: tenant.name })}
              </Link>
            </li>
          )}
          <li>
            <Link className="text-blue-800 underline" href={user ? "/" : "/login"}>
              {user ? t("tenants") : t("signIn")}
            </Link>
          </li>
        </ul>
      </main>
    </>
  );
}
