import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { intentFor } from "@/tests/support/audit-fixtures";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import type { AuditFilters } from "@/lib/schemas/audit";
import { getDb } from "@/lib/db";
import { auditCsvLine, auditExportStream, iterateAudit, listAudit, recordAdminEvent, recordMarkIntent, recordMarkOutcome, type AuditEntry } from "./index";

withTestDb();

/** The audit page's path: drizzle reads every column and maps it (listAudit), page after page. */
async function throughColumns(tenant: string, filters: AuditFilters): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listAudit(tenant, filters, { before }, 2);
    out.push(...page.entries);
    if (page.olderCursor === null) return out;
    before = page.olderCursor;
  }
}

/** The export's path: one packed JSON text per row (iterateAudit), in pages of 3 here. */
async function throughPacked(tenant: string, filters: AuditFilters): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const page of iterateAudit(tenant, filters, 3)) out.push(...page);
  return out;
}

type Raw = {
  seq: number;
  at: string;
  phase: "intent" | "outcome" | "event";
  intentId?: string;
  outcome?: string;
  outcomeDetail?: string;
  ranges?: string;
  statusesBefore?: string;
  details?: string;
  text?: string;
};

/** Rows written straight into the table, with values the app would not write but a column can hold. */
async function insertRaw(tenant: string, rows: Raw[]): Promise<void> {
  const db = await getDb();
  for (const r of rows) {
    const id = `${tenant}-${r.seq}`;
    await db.execute(sql`
      insert into audit_log (id, tenant_id, seq, at, actor_user_id, actor_username, actor_role, action, phase, intent_id, plan_uuid, plan_name,
        granularity, ranges, partition_count, statuses_before, can_endpoint, can_request, outcome, outcome_detail, details, request_id, ip,
        user_agent, prev_hash, hash)
      values (${id}, ${tenant}, ${r.seq}, ${r.at}::timestamptz, ${r.seq % 2 ? "token:7" : null}, ${r.text ?? "ann"}, ${r.text ?? null}, 'partition.mark',
        ${r.phase}, ${r.intentId ?? null}, ${r.text ?? "p-1"}, ${r.text ?? "orders_daily"}, 'DAY', ${r.ranges ?? null}::jsonb, ${r.seq * 1000},
        ${r.statusesBefore ?? null}::jsonb, ${r.text ?? null}, ${r.text ?? null}, ${r.outcome ?? null}, ${r.outcomeDetail ?? null}::jsonb,
        ${r.details ?? null}::jsonb, ${r.text ?? null}, ${r.text ?? null}, ${r.text ?? null}, 'prev', ${`h${r.seq}`})`);
  }
}

describe(`the export reads the same entries as the audit page (${dbKind})`, () => {
  it("gives equal entries and identical CSV bytes for awkward stored values", async () => {
    const t = "exp-golden";
    const hostile = "=cmd|' /C calc'!A0;\t+1\r\n@x \"q\" 名前 \u2028 \u0001";
    await insertRaw(t, [
      {
        seq: 1,
        at: "2026-03-01 10:00:00.999999+00",
        phase: "intent",
        ranges: '[{"end": "2026-01-02", "start": "2026-01-01"}]',
        statusesBefore: '{"10": 1, "2": 3, "ok": 1.50}',
      },
      {
        seq: 2,
        at: "2026-03-01 10:00:01.000001+00",
        phase: "outcome",
        intentId: `${t}-1`,
        outcome: "rejected",
        outcomeDetail: '{"code": 500, "errorMsg": "=1+1", "traceId": null}',
      },
      { seq: 3, at: "2026-03-01 23:59:59.9995+08", phase: "intent", details: '"{\\"a\\": 1}"', text: hostile },
      { seq: 4, at: "2026-03-02 00:00:00+00", phase: "event", details: "null", ranges: "false", statusesBefore: "0" },
      { seq: 5, at: "1999-12-31 23:59:59.123+00", phase: "event", details: '"123"', text: "" },
      { seq: 6, at: "2026-03-02 00:00:01+00", phase: "intent", details: '{"big": 12345678901234567890, "f": 1e-7, "s": "\\u0001\\n"}' },
      { seq: 7, at: "2026-03-02 00:00:02+00", phase: "outcome", intentId: `${t}-6`, outcome: "unknown", outcomeDetail: '"just text"' },
      { seq: 8, at: "2026-03-02 00:00:03+00", phase: "outcome", intentId: `${t}-3`, outcome: "ok", outcomeDetail: '{"code": "200", "errorMsg": ["-1", 2]}' },
    ]);
    const columns = await throughColumns(t, {});
    const packed = await throughPacked(t, {});
    expect(columns.map((e) => e.seq)).toEqual([6, 5, 4, 3, 1]);
    expect(packed).toEqual(columns);
    expect(packed.map(auditCsvLine).join("")).toBe(columns.map(auditCsvLine).join(""));
    // The awkward values survived: microseconds cut to milliseconds as before, a jsonb string that
    // holds JSON read as drizzle reads it, an outcome detail that is not an object.
    expect(packed.find((e) => e.seq === 1)?.at).toBe("2026-03-01T10:00:00.999Z");
    expect(packed.find((e) => e.seq === 3)?.details).toEqual({ a: 1 });
    expect(packed.find((e) => e.seq === 3)?.userAgent).toBe(hostile);
    expect(packed.find((e) => e.seq === 6)?.outcomeDetail).toBe("just text");
  });
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

describe(`the export stream (${dbKind})`, () => {
  it("streams every matching entry once, newest first, with the page's filters", async () => {
    const t = "exp-stream";
    const base = { tenantId: t, granularity: "DAY" } as const;
    for (let i = 0; i < 12; i++) {
      const who = i % 3 === 0 ? "bob" : "ann";
      const intent = intentFor({ ...base, planUuid: `p-${i % 2}`, planName: i % 2 ? "sales_hourly" : "orders_daily" });
      const { intentId } = await recordMarkIntent({ ...intent, actor: { ...intent.actor, username: who } });
      if (i % 4 !== 3) await recordMarkOutcome(intentId, intent, { outcome: i % 5 === 0 ? "rejected" : "ok" });
    }
    await recordAdminEvent({
      action: "role.grant",
      tenantId: t,
      actor: { userId: null, username: "cli:root", role: null },
      meta: null,
      details: { user: "x" },
    });

    const csv = async (filters: AuditFilters) => {
      const lines = (await readAll(auditExportStream(t, filters, "csv"))).split("\r\n");
      expect(lines.pop()).toBe("");
      expect(lines.shift()).toMatch(/^"time","seq",/);
      // Every cell is quoted (RFC 4180): the cells, unquoted.
      return lines.map((l) => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
    };
    const all = await csv({});
    expect(all).toHaveLength(13);
    const seqs = all.map((cells) => Number(cells[1]));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(13);

    const bob = await csv({ actor: "bob" });
    expect(bob).toHaveLength(4);
    expect(bob.every((cells) => cells[2] === "bob")).toBe(true);
    const sales = await csv({ plan: "SALES" });
    expect(sales).toHaveLength(6);
    expect(sales.every((cells) => cells[8] === "sales_hourly")).toBe(true);
    const rejected = await csv({ outcome: "rejected" });
    expect(rejected.map((cells) => cells[13])).toEqual(["rejected", "rejected", "rejected"]);

    const json = JSON.parse(await readAll(auditExportStream(t, { actor: "ann" }, "json"))) as AuditEntry[];
    expect(json).toHaveLength(8);
    expect(json).toEqual(await throughColumns(t, { actor: "ann" }));
  });
});
