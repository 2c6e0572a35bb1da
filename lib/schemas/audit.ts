import { z } from "zod";
import { MARK_ACTIONS } from "@/lib/marks/kinds";
import { isValidKey } from "@/lib/partitions";
import { isTimeZone } from "@/lib/time/format";

// Client-safe: the audit page's filters, shared by the page, the export route and the form.
export const AUDIT_OUTCOMES = ["ok", "rejected", "error", "unknown"] as const;
export const AUDIT_ACTIONS: readonly string[] = [
  ...MARK_ACTIONS,
  "partition.observed",
  "role.grant",
  "role.revoke",
  "token.create",
  "token.revoke",
  "audit.export",
];
export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_ACTOR_KINDS = ["people", "machines"] as const;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
// A real calendar day: `new Date("2025-13-01…")` is Invalid Date (the query then crashed the
// export stream) and "2025-02-30" silently became March 2.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date (YYYY-MM-DD)")
  .refine((d) => isValidKey(d, "DAY"), "a real date (YYYY-MM-DD)");

export const auditFiltersSchema = z.object({
  plan: z.preprocess(blank, z.string().trim().max(100).optional()),
  actor: z.preprocess(blank, z.string().trim().toLowerCase().max(64).optional()),
  /** People (signed-in users and the operator CLI) or machines (API tokens). */
  by: z.preprocess(blank, z.enum(AUDIT_ACTOR_KINDS).optional()),
  action: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+|\.\*)?$/)
      .max(64)
      .optional(),
  ),
  outcome: z.preprocess(blank, z.enum(AUDIT_OUTCOMES).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, day.optional()),
  /** The zone `from` and `to` are days in: the viewer's (the form sends it); UTC when absent. */
  tz: z.preprocess(blank, z.string().max(64).refine(isTimeZone, "an IANA time zone (Asia/Shanghai)").optional()),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditCursorSchema = z.object({
  before: z.preprocess(blank, z.coerce.number().int().min(1).optional()),
  after: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
});
export type AuditCursor = z.infer<typeof auditCursorSchema>;

type Source = Record<string, string | string[] | undefined> | URLSearchParams;

function read(input: Source, key: string): string | undefined {
  const v = input instanceof URLSearchParams ? input.get(key) : input[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}

/** Invalid values are dropped one by one, so a bad date does not clear the other filters. */
export function readAuditFilters(input: Source): AuditFilters {
  const out: AuditFilters = {};
  for (const key of Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[]) {
    const parsed = auditFiltersSchema.shape[key].safeParse(read(input, key));
    if (parsed.success && parsed.data !== undefined) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/**
 * For the export route: links are built from parsed filters, so a filter (or format) that does not
 * parse is refused rather than dropped; an export must never silently widen to more rows than asked.
 */
export function parseExportQuery(params: URLSearchParams): { ok: true; format: "csv" | "json"; filters: AuditFilters } | { ok: false; message: string } {
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return { ok: false, message: `query parameter "format": csv or json` };
  const filters: AuditFilters = {};
  for (const key of Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[]) {
    const parsed = auditFiltersSchema.shape[key].safeParse(params.get(key) ?? undefined);
    if (!parsed.success) return { ok: false, message: `query parameter "${key}": ${parsed.error.issues[0]?.message ?? "invalid"}` };
    if (parsed.data !== undefined) (filters as Record<string, unknown>)[key] = parsed.data;
  }
  return { ok: true, format, filters };
}

export function readAuditCursor(input: Source): AuditCursor {
  const parsed = auditCursorSchema.safeParse({ before: read(input, "before"), after: read(input, "after") });
  return parsed.success ? parsed.data : {};
}

export function auditFiltersQuery(filters: AuditFilters, extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") p.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}
