import type { Metadata } from "next";
import Link from "next/link";
import { listAudit } from "@/lib/audit";
import { requirePageAccess } from "@/lib/auth/dal";
import { AUDIT_PAGE_SIZE, auditFiltersQuery, readAuditCursor, readAuditFilters } from "@/lib/schemas/audit";
import { AuditFiltersForm } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant } = await requirePageAccess((await params).tenant, "audit:read");
  const sp = await searchParams;
  const filters = readAuditFilters(sp);
  const page = await listAudit(tenant.id, filters, readAuditCursor(sp), AUDIT_PAGE_SIZE);
  const base = `/t/${encodeURIComponent(tenant.id)}/audit`;
  const exportBase = `/api/t/${encodeURIComponent(tenant.id)}/audit/export`;
  return (
    <>
      <h1 className="text-2xl font-semibold">Audit log · {tenant.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        Every mark is written before CAN is called (intent) and again with CAN&apos;s answer (outcome); a mark without an outcome shows as unknown (pending).
        Rows are hash-chained; <code>npm run audit -- verify</code> checks the chain.
      </p>
      <div className="mt-4">
        <AuditFiltersForm filters={filters} basePath={base} />
      </div>
      <div className="mt-3 flex gap-4 text-sm">
        <a className="text-blue-800 underline" href={`${exportBase}${auditFiltersQuery(filters, { format: "csv" })}`} download>
          Export CSV
        </a>
        <a className="text-blue-800 underline" href={`${exportBase}${auditFiltersQuery(filters, { format: "json" })}`} download>
          Export JSON
        </a>
        <span className="text-slate-600">(all rows matching the filters)</span>
      </div>
      {page.entries.length === 0 ? (
        <p role="status" className="mt-6 rounded border border-slate-300 bg-white p-6">
          No audit entry matches these filters.
        </p>
      ) : (
        <AuditTable entries={page.entries} tenantId={tenant.id} />
      )}
      <nav aria-label="Audit pages" className="mt-4 flex gap-4 text-sm">
        {page.newerCursor !== null && (
          <>
            <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters)}`}>
              Newest
            </Link>
            <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters, { after: page.newerCursor })}`}>
              ← Newer
            </Link>
          </>
        )}
        {page.olderCursor !== null && (
          <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters, { before: page.olderCursor })}`}>
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
