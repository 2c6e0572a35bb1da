import type { ReactNode } from "react";
import { ConsoleHeader } from "@/components/console-header";
import { requirePageAccess, visibleTenantsFor } from "@/lib/auth/dal";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  // Convenience for the whole tenant section; every page and handler still checks on its own.
  const { tenant, user } = await requirePageAccess((await params).tenant, "plans:read");
  return (
    <>
      <ConsoleHeader user={user} tenants={await visibleTenantsFor(user)} current={tenant.id} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
