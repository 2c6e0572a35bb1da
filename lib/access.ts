import "server-only";
import { notFound } from "next/navigation";
import { tenantIdParam } from "@/lib/schemas/plans";
import { allTenants, getTenant, toTenantSummary, type Tenant, type TenantSummary } from "@/lib/tenants";

// The one data-access gate for tenant-scoped reads. Unknown tenants and tenants the caller may not
// see answer the same way (404), so a URL reveals nothing about what exists.
export function findTenant(rawId: string): Tenant | undefined {
  const id = tenantIdParam.safeParse(rawId);
  return id.success ? getTenant(id.data) : undefined;
}

export function requireTenantForPage(rawId: string): Tenant {
  const tenant = findTenant(decodeURIComponent(rawId));
  if (!tenant) notFound();
  return tenant;
}

export function visibleTenants(): TenantSummary[] {
  return allTenants().map(toTenantSummary);
}
