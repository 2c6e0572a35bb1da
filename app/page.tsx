import Link from "next/link";
import { ConsoleHeader } from "@/components/console-header";
import { NoAccess } from "@/components/no-access";
import { requireSignedIn, visibleTenantsFor } from "@/lib/auth/dal";
import { oidcSettings } from "@/lib/auth/oidc/settings";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { user } = await requireSignedIn();
  const tenants = await visibleTenantsFor(user);
  return (
    <>
      <ConsoleHeader user={user} tenants={tenants} />
      <main className="mx-auto max-w-2xl p-8">
        {tenants.length === 0 ? (
          <NoAccess username={user.username} companyLabel={oidcSettings()?.label} />
        ) : (
          <>
            <h1 className="text-2xl font-semibold">CAN Partition Console</h1>
            <p className="mt-2 text-slate-600">Choose a tenant to browse its materialization plans.</p>
            <ul className="mt-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {tenants.map((t) => (
                <li key={t.id}>
                  <Link className="block px-4 py-3 hover:bg-slate-100" href={`/t/${encodeURIComponent(t.id)}/plans`}>
                    <span className="font-medium">{t.name}</span> <span className="text-sm text-slate-600">({t.id})</span> · {user.roles[t.id]}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
