import "server-only";
import type { AuditFilters } from "@/lib/schemas/audit";
import { auditCsvHeader, auditCsvLine } from "./csv";
import { iterateAudit, type AuditEntry } from "./query";

export type ExportFormat = "csv" | "json";

/**
 * The filtered audit log as a byte stream, newest first (the export route's body). Pull-based:
 * the next page (lib/audit/query.ts EXPORT_PAGE entries) is read only when the client has taken
 * the last one, so a slow download holds one page in memory, never the log.
 */
export function auditExportStream(tenantId: string, filters: AuditFilters, format: ExportFormat): ReadableStream<Uint8Array> {
  const pages = iterateAudit(tenantId, filters);
  const encoder = new TextEncoder();
  let first = true;
  const jsonLine = (e: AuditEntry): string => {
    const line = `${first ? "" : ",\n"}${JSON.stringify(e)}`;
    first = false;
    return line;
  };
  return new ReadableStream<Uint8Array>(
    {
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
        let text = "";
        for (const e of next.value) text += format === "csv" ? auditCsvLine(e) : jsonLine(e);
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    // One page waits in the queue at most: pull runs again only once the reader has taken it.
    { highWaterMark: 1 },
  );
}
