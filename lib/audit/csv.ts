import type { AuditEntry } from "./query";

const COLUMNS: [string, (e: AuditEntry) => unknown][] = [
  ["time", (e) => e.at],
  ["seq", (e) => e.seq],
  ["actor", (e) => e.actor],
  ["actor_kind", (e) => e.actorKind],
  ["actor_role", (e) => e.actorRole],
  ["action", (e) => e.action],
  ["phase", (e) => e.phase],
  ["plan_uuid", (e) => e.planUuid],
  ["plan_name", (e) => e.planName],
  ["granularity", (e) => e.granularity],
  ["ranges", (e) => (e.ranges ? JSON.stringify(e.ranges) : null)],
  ["partition_count", (e) => e.partitionCount],
  ["statuses_before", (e) => (e.statusesBefore ? JSON.stringify(e.statusesBefore) : null)],
  ["outcome", (e) => e.outcome],
  ["pending", (e) => (e.phase === "intent" ? e.pending : null)],
  ["outcome_time", (e) => e.outcomeAt],
  ["can_code", (e) => e.outcomeDetail?.code],
  ["can_error_msg", (e) => e.outcomeDetail?.errorMsg],
  ["can_detail_error_msg", (e) => e.outcomeDetail?.detailErrorMsg],
  ["can_trace_id", (e) => e.outcomeDetail?.traceId],
  ["error_kind", (e) => e.outcomeDetail?.kind],
  ["unknown_reason", (e) => e.outcomeDetail?.reason],
  ["can_endpoint", (e) => e.canEndpoint],
  ["can_request", (e) => e.canRequest],
  ["details", (e) => (e.details ? JSON.stringify(e.details) : null)],
  ["request_id", (e) => e.requestId],
  ["ip", (e) => e.ip],
  ["user_agent", (e) => e.userAgent],
  ["id", (e) => e.id],
  ["hash", (e) => e.hash],
];

/**
 * RFC 4180 quoting, plus a leading apostrophe for text a spreadsheet would run as a formula
 * (= + - @ at the start), so opening an export cannot execute what someone typed into a field.
 */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(",")}\r\n`;
}

export function auditCsvLine(e: AuditEntry): string {
  return `${COLUMNS.map(([, get]) => cell(get(e))).join(",")}\r\n`;
}
