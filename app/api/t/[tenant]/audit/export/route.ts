import { accessDenied } from "@/lib/api/access-denied";
import { auditCsvHeader, auditCsvLine, iterateAudit, recordAuditExport, type AuditEntry } from "@/lib/audit";
import { authorizeTenant, getRequestMeta } from "@/lib/auth/dal";
import { jsonResult, validationResult } from "@/lib/api/json-result";
import { isForeignBrowserRequest } from "@/lib/http/fetch-metadata";
import { parseExportQuery } from "@/lib/schemas/audit";
import { refuseWhileDraining } from "@/lib/server/draining-response";

export const dynamic = "force-dynamic";

/**
 * The filtered audit log as CSV or JSON, streamed: rows are read page by page (keyset on seq) as
 * the client reads the response, so 100,000 rows never sit in memory at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const draining = refuseWhileDraining();
  if (draining) return draining;
  // Exporting writes an audit row: a link on another site must not make a signed-in user do it.
  if (isForeignBrowserRequest(request.headers)) {
    return jsonResult({ ok: false, error: { code: "FORBIDDEN", message: "Export from the console's audit page." } });
  }
  const access = await authorizeTenant((await params).tenant, "audit:read");
  if (!access.ok) return accessDenied(access.code);
  const query = parseExportQuery(new URL(request.url).searchParams);
  if (!query.ok) return validationResult(query.message);
  const { format, filters } = query;
  await recordAuditExport(access.actor, await getRequestMeta(), { format, filters });

  const pages = iterateAudit(access.tenant.id, filters, 1000);
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
      "content-disposition": `attachment; filename="audit-${access.tenant.id}-${stamp}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
