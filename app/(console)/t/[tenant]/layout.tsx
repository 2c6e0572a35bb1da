import Link from "next/link";
import type { ReactNode } from "react";
import { TenantSwitcher } from "@/components/tenant-switcher";
import { requireTenantForPage, visibleTenants } from "@/lib/access";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = requireTenantForPage((await params).tenant);
  return (
    <>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-6 px-4 py-3">
          <Link href="/" className="font-semibold">
            CAN Partition Console
          </Link>
          <nav aria-label="Sections" className="flex gap-4 text-sm">
            <Link href={`/t/${encodeURIComponent(tenant.id)}/plans`} className="hover:underline">
              Plans
            </Link>
          </nav>
          <div className="ml-auto">
            <TenantSwitcher tenants={visibleTenants()} current={tenant.id} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
