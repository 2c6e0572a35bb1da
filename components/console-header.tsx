import Link from "next/link";
import { hasPermission, type SessionUser } from "@/lib/auth/roles";
import type { TenantSummary } from "@/lib/tenants";
import { SignOutButton } from "./sign-out-button";
import { TenantSwitcher } from "./tenant-switcher";

/**
 * The console's one header, on every signed-in page: sections of the current tenant the user's role
 * allows, the tenant switcher (only tenants the user holds a role in; nothing selected on pages
 * outside a tenant), who is signed in, and sign-out.
 */
export function ConsoleHeader({ user, tenants, current }: { user: SessionUser; tenants: TenantSummary[]; current?: string | undefined }) {
  const role = current ? user.roles[current] : undefined;
  const isAdminSomewhere = Object.values(user.roles).some((r) => hasPermission(r, "users:manage"));
  const t = current ? `/t/${encodeURIComponent(current)}` : undefined;
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold">
          CAN Partition Console
        </Link>
        <nav aria-label="Sections" className="flex gap-4 text-sm">
          {/* Without a tenant, Plans leads to the list of the user's tenants to choose one. */}
          <Link href={t ? `${t}/plans` : "/"} className="hover:underline">
            Plans
          </Link>
          {t && role && hasPermission(role, "audit:read") && (
            <Link href={`${t}/audit`} className="hover:underline">
              Audit
            </Link>
          )}
          {isAdminSomewhere && (
            <Link href="/admin" className="hover:underline">
              Admin
            </Link>
          )}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {tenants.length > 0 && <TenantSwitcher tenants={tenants} current={current} />}
          <span className="text-sm text-slate-300">
            Signed in as{" "}
            <Link href="/settings" className="font-medium text-white hover:underline">
              {user.username}
            </Link>
            {role ? ` (${role})` : ""}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
