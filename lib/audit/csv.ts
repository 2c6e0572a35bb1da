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

/** Where a spreadsheet may start a cell: the start, any separator a locale might use, a line break. */
const CELL_START = /(^|[,;\t|]|\r\n|\r|\n)(?=[ \u00a0]*[=+\-@])/g;

/** A string without any of these is its own cell text: CELL_START needs one of = + - @ to match. */
const NEEDS_WORK = /["=+\-@]/;

/**
 * Every cell is quoted (RFC 4180). A spreadsheet in a `;` or tab locale splits a `,` file at
 * separators inside quoted text too, so a formula start (= + - @), after leading spaces, at the
 * start or after any separator or line break gets an apostrophe in front: opening an export can
 * never run what someone typed into a field (a user agent, CAN's errorMsg, a plan name).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  // Most cells hold no quote and no formula character: CELL_START cannot match them and nothing
  // needs doubling, so they are quoted as they are (the export formats millions of cells).
  if (typeof value === "string" && !NEEDS_WORK.test(value)) return `"${value}"`;
  let text = String(value);
  if (typeof value === "string") text = text.replace(CELL_START, "$1'");
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsvHeader(): string {
  return `${COLUMNS.map(([name]) => csvCell(name)).join(",")}\r\n`;
}

export function auditCsvLine(e: AuditEntry): string {
  // A loop rather than map + join: no array per line.
  let line = "";
  for (let i = 0; i < COLUMNS.length; i++) line += (i === 0 ? "" : ",") + csvCell(COLUMNS[i]![1](e));
  return `${line}\r\n`;
}
