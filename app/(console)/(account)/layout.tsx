import type { ReactNode } from "react";
import { ConsoleHeader } from "@/components/console-header";
import { requireSignedIn, visibleTenantsFor } from "@/lib/auth/dal";

/** Pages about the signed-in user and the console itself, outside any tenant. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSignedIn();
  return (
    <>
      <ConsoleHeader user={user} tenants={await visibleTenantsFor(user)} />
      <main className="mx-auto max-w-5xl px-4 py-6">{children}</main>
    </>
  );
}
