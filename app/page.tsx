import Link from "next/link";
import { ConsoleHeader } from "@/components/console-header";
import { requireSignedIn, visibleTenantsFor } from "@/lib/auth/dal";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { user } = await requireSignedIn();
  const tenants = await visibleTenantsFor(user);
  return (
    <>
      <ConsoleHeader user={user} tenants={tenants} />
      <main className="mx-auto max-w-2xl p-8">
        <h1 className="text-2xl font-semibold">CAN Partition Console</h1>
        <p className="mt-2 text-slate-600">Choose a tenant to browse its materialization plans.</p>
        {tenants.length === 0 ? (
          <p className="mt-6 rounded border border-slate-300 bg-white p-4">You hold no role in any tenant yet. Ask an administrator to give you one.</p>
        ) : (
          <ul className="mt-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {tenants.map((t) => (
              <li key={t.id}>
                <Link className="block px-4 py-3 hover:bg-slate-100" href={`/t/${encodeURIComponent(t.id)}/plans`}>
                  <span className="font-medium">{t.name}</span> <span className="text-sm text-slate-600">({t.id})</span> · {user.roles[t.id]}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
