import { defineRoute, noParams, type QueryParse } from "@/lib/api/define-route";
import type { Result } from "@/lib/api/result";
import { auditExportStream, recordAuditExport } from "@/lib/audit";
import { getRequestMeta } from "@/lib/auth/dal";
import { isForeignBrowserRequest } from "@/lib/http/fetch-metadata";
import { parseExportQuery, type AuditFilters } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

/**
 * The filtered audit log as CSV or JSON, streamed: rows are read page by page (keyset on seq) as
 * the client reads the response, so 100,000 rows never sit in memory at once (lib/audit/export-stream.ts).
 */
function exportQuery(search: URLSearchParams): QueryParse<{ format: "csv" | "json"; filters: AuditFilters }> {
  const parsed = parseExportQuery(search);
  return parsed.ok ? { ok: true, query: { format: parsed.format, filters: parsed.filters } } : parsed;
}

// Exporting writes an audit row: a link on another site must not make a signed-in user do it.
const refuseForeign = (request: Request): Result<never> | null =>
  isForeignBrowserRequest(request.headers) ? { ok: false, error: { code: "FORBIDDEN", message: "Export from the console's audit page." } } : null;

export const GET = defineRoute(
  { name: "audit.export", permission: "audit:read", params: noParams, query: exportQuery, refuse: refuseForeign },
  async ({ tenant, actor, query }) => {
    const { format, filters } = query;
    await recordAuditExport(actor, await getRequestMeta(), { format, filters });

    const body = auditExportStream(tenant.id, filters, format);

    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
    return new Response(body, {
      headers: {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${tenant.id}-${stamp}.${format}"`,
        "cache-control": "no-store",
      },
    });
  },
);
