import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listAudit } from "@/lib/audit";
import { revertLinksFor } from "@/lib/audit/query";
import { requirePageAccess } from "@/lib/auth/dal";
import { hasPermission } from "@/lib/auth/roles";
import { AUDIT_PAGE_SIZE, auditFiltersQuery, readAuditCursor, readAuditFilters } from "@/lib/schemas/audit";
import { AuditFiltersForm } from "./_components/audit-filters";
import { AuditTable } from "./_components/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant, actor } = await requirePageAccess((await params).tenant, "audit:read");
  const sp = await searchParams;
  const filters = readAuditFilters(sp);
  const page = await listAudit(tenant.id, filters, readAuditCursor(sp), AUDIT_PAGE_SIZE);
  const reverts = await revertLinksFor(tenant.id, page.entries);
  const base = `/t/${encodeURIComponent(tenant.id)}/audit`;
  const t = await getTranslations("audit");
  const exportBase = `/api/t/${encodeURIComponent(tenant.id)}/audit/export`;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("heading", { tenant: tenant.name })}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <div className="mt-4">
        <AuditFiltersForm filters={filters} basePath={base} />
      </div>
      <div className="mt-3 flex gap-4 text-sm">
        <a className="text-blue-800 underline" href={`${exportBase}${auditFiltersQuery(filters, { format: "csv" })}`} download>
          {t("exportCsv")}
        </a>
        <a className="text-blue-800 underline" href={`${exportBase}${auditFiltersQuery(filters, { format: "json" })}`} download>
          {t("exportJson")}
        </a>
        <span className="text-slate-600">{t("exportNote")}</span>
      </div>
      {page.entries.length === 0 ? (
        <p role="status" className="mt-6 rounded border border-slate-300 bg-white p-6">
          {t("empty")}
        </p>
      ) : (
        <AuditTable entries={page.entries} tenantId={tenant.id} reverts={reverts} canRevert={hasPermission(actor.role, "partitions:mark")} />
      )}
      <nav aria-label={t("pages")} className="mt-4 flex gap-4 text-sm">
        {page.newerCursor !== null && (
          <>
            <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters)}`}>
              {t("newest")}
            </Link>
            <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters, { after: page.newerCursor })}`}>
              ← {t("newer")}
            </Link>
          </>
        )}
        {page.olderCursor !== null && (
          <Link className="text-blue-800 underline" href={`${base}${auditFiltersQuery(filters, { before: page.olderCursor })}`}>
            {t("older")} →
          </Link>
        )}
      </nav>
    </>
  );
}
