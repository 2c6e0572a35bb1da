import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission, type SessionUser } from "@/lib/auth/roles";
import type { TenantSummary } from "@/lib/tenants";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";
import { TenantSwitcher } from "./tenant-switcher";

/**
 * The console's one header, on every signed-in page: sections of the current tenant the user's role
 * allows, the tenant switcher (only tenants the user holds a role in; nothing selected on pages
 * outside a tenant), the language, who is signed in, and sign-out.
 */
export async function ConsoleHeader({ user, tenants, current }: { user: SessionUser; tenants: TenantSummary[]; current?: string | undefined }) {
  const t = await getTranslations("header");
  const tRole = await getTranslations("roles");
  const role = current ? user.roles[current] : undefined;
  const isAdminSomewhere = Object.values(user.roles).some((r) => hasPermission(r, "users:manage"));
  const base = current ? `/t/${encodeURIComponent(current)}` : undefined;
  const who = (
    <Link href="/settings" className="font-medium text-white hover:underline">
      {user.username}
    </Link>
  );
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold">
          {t("product")}
        </Link>
        <nav aria-label={t("sections")} className="flex gap-4 text-sm">
          {/* Without a tenant, Plans leads to the list of the user's tenants to choose one. */}
          <Link href={base ? `${base}/plans` : "/"} className="hover:underline">
            {t("plans")}
          </Link>
          {base && role && hasPermission(role, "audit:read") && (
            <Link href={`${base}/audit`} className="hover:underline">
              {t("audit")}
            </Link>
          )}
          {isAdminSomewhere && (
            <Link href="/admin" className="hover:underline">
              {t("admin")}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-4">
          {tenants.length > 0 && <TenantSwitcher tenants={tenants} current={current} />}
          <LocaleSwitcher signedIn tone="dark" />
          <span className="text-sm text-slate-300">
            {role ? t.rich("signedInAsWithRole", { user: () => who, role: tRole(role) }) : t.rich("signedInAs", { user: () => who })}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
