import { defineRoute, noParams, type QueryParse } from "@/lib/api/define-route";
import type { Result } from "@/lib/api/result";
import { auditCsvHeader, auditCsvLine, iterateAudit, recordAuditExport, type AuditEntry } from "@/lib/audit";
import { getRequestMeta } from "@/lib/auth/dal";
import { isForeignBrowserRequest } from "@/lib/http/fetch-metadata";
import { parseExportQuery, type AuditFilters } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

/**
 * The filtered audit log as CSV or JSON, streamed: rows are read page by page (keyset on seq) as
 * the client reads the response, so 100,000 rows never sit in memory at once.
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

    const pages = iterateAudit(tenant.id, filters, 1000);
    const encoder = new TextEncoder();
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(format === "csv" ? auditCsvHeader() : "[\n"));
      },
      async pull(controller) {
        const next = await pages.next();
        if (next.done) {
          if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((e) => (format === "csv" ? auditCsvLine(e) : jsonLine(e))).join("")));
      },
      async cancel() {
        await pages.return(undefined);
      },
    });

    function jsonLine(e: AuditEntry): string {
      const line = `${first ? "" : ",\n"}${JSON.stringify(e)}`;
      first = false;
      return line;
    }

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
