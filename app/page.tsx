import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsoleHeader } from "@/components/console-header";
import { NoAccess } from "@/components/no-access";
import { requireSignedIn, visibleTenantsFor } from "@/lib/auth/dal";
import { oidcSettings } from "@/lib/auth/oidc/settings";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { user } = await requireSignedIn();
  const tenants = await visibleTenantsFor(user);
  const t = await getTranslations("home");
  const tRole = await getTranslations("roles");
  return (
    <>
      <ConsoleHeader user={user} tenants={tenants} />
      <main className="mx-auto max-w-2xl p-8">
        {tenants.length === 0 ? (
          <NoAccess username={user.username} companyLabel={oidcSettings()?.label} />
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="mt-2 text-slate-600">{t("intro")}</p>
            <ul className="mt-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {tenants.map((tenant) => {
                const role = user.roles[tenant.id];
                return (
                  <li key={tenant.id}>
                    <Link className="block px-4 py-3 hover:bg-slate-100" href={`/t/${encodeURIComponent(tenant.id)}/plans`}>
                      <span className="font-medium">{tenant.name}</span> <span className="text-sm text-slate-600">({tenant.id})</span>
                      {role && ` · ${tRole(role)}`}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
