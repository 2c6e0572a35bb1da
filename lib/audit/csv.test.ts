import { describe, expect, it } from "vitest";
import { auditCsvHeader, auditCsvLine, csvCell } from "./csv";
import type { AuditEntry } from "./query";

/** What a spreadsheet could take for a cell: the quoted text split at any separator or line break. */
function pieces(cell: string): string[] {
  expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
  return cell
    .slice(1, -1)
    .replace(/""/g, '"')
    .split(/[,;\t|]|\r\n|\r|\n/);
}

describe("csvCell", () => {
  it("quotes every cell, doubling quotes", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  const hostile = [
    "=1+1",
    "maint;=1+1",
    "a\t=1+1",
    "x, =1+1",
    "p,=HYPERLINK(1)",
    "l\r\n@SUM(1)",
    "l\n+1",
    "t|-1+1",
    " =1",
    "\u00a0=1",
    "\t=1",
    "\r=1",
    "a;;=1",
  ];
  for (const text of hostile) {
    it(`no piece of ${JSON.stringify(text)} starts a formula, and the text is kept`, () => {
      const cell = csvCell(text);
      for (const piece of pieces(cell)) expect(piece.replace(/^[ \u00a0]+/, "")).not.toMatch(/^[=+\-@]/);
      expect(cell.replace(/'/g, "")).toBe(`"${text}"`);
    });
  }

  it("leaves JSON and ordinary text alone", () => {
    expect(csvCell('[{"start":"2026-01-01","end":"2026-01-02"}]')).toBe('"[{""start"":""2026-01-01"",""end"":""2026-01-02""}]"');
    expect(csvCell("2026-01-01T00:00:00.000Z")).toBe('"2026-01-01T00:00:00.000Z"');
  });
});

/** An entry with a hostile or awkward value in every free-text field. */
const hostileEntry: AuditEntry = {
  id: "7d0c6c1e-3b0e-4f9a-9a53-0c9a1f1e2b3c",
  seq: 4_503_599_627_370_495,
  at: "2026-03-01T10:00:00.999Z",
  actor: '=HYPERLINK("http://x")',
  actorKind: "machine",
  actorRole: "operator;-1",
  action: "partition.mark_failed",
  phase: "intent",
  planUuid: 'plan-"q"',
  planName: " -2+3",
  granularity: "DAY",
  ranges: [{ start: "2026-01-01", end: "2026-01-02", status: "failed" }],
  partitionCount: 2,
  statusesBefore: { "10": 1, SUCCESS: 2 },
  canEndpoint: "updatePartition",
  canRequest: '{"uuid":"p","x":"a,=1"}',
  outcome: "rejected",
  pending: false,
  outcomeAt: "2026-03-01T10:00:01.000Z",
  outcomeDetail: { code: "500", errorMsg: "@SUM(1)", detailErrorMsg: "line\r\n+1", traceId: "t|=x", kind: "network", reason: "\u00a0-1" },
  details: { note: "名前 \u2028 tab\there", n: 1.5, nested: { list: [1, "=2"] } },
  requestId: 'req"1"',
  ip: "@10.0.0.1",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) \t=cmd|' /C calc'!A0",
  hash: "ab".repeat(32),
};

// The bytes of main's formatter (2026-12-05) for the entry above, kept to the byte: the export's
// faster cells (a string with no quote or formula character skips the regex) must not change them.
describe("auditCsvLine", () => {
  it("keeps the header", () => {
    expect(auditCsvHeader()).toBe(
      '"time","seq","actor","actor_kind","actor_role","action","phase","plan_uuid","plan_name","granularity","ranges","partition_count","statuses_before","outcome","pending","outcome_time","can_code","can_error_msg","can_detail_error_msg","can_trace_id","error_kind","unknown_reason","can_endpoint","can_request","details","request_id","ip","user_agent","id","hash"\r\n',
    );
  });

  it("keeps the bytes of an intent whose every text field is hostile", () => {
    expect(auditCsvLine(hostileEntry)).toBe(
      '"2026-03-01T10:00:00.999Z","4503599627370495","\'=HYPERLINK(""http://x"")","machine","operator;\'-1","partition.mark_failed","intent","plan-""q""","\' -2+3","DAY","[{""start"":""2026-01-01"",""end"":""2026-01-02"",""status"":""failed""}]","2","{""10"":1,""SUCCESS"":2}","rejected","false","2026-03-01T10:00:01.000Z","500","\'@SUM(1)","line\r\n\'+1","t|\'=x","network","\'\u00a0-1","updatePartition","{""uuid"":""p"",""x"":""a,\'=1""}","{""note"":""名前 \u2028 tab\\there"",""n"":1.5,""nested"":{""list"":[1,""=2""]}}","req""1""","\'@10.0.0.1","Mozilla/5.0 (X11; Linux x86_64) \t\'=cmd|\' /C calc\'!A0","7d0c6c1e-3b0e-4f9a-9a53-0c9a1f1e2b3c","abababababababababababababababababababababababababababababababab"\r\n',
    );
  });

  it("keeps the bytes of an event (empty cells)", () => {
    const event: AuditEntry = {
      ...hostileEntry,
      phase: "event",
      outcome: null,
      pending: false,
      outcomeAt: null,
      outcomeDetail: null,
      ranges: null,
      statusesBefore: null,
      details: null,
      actorRole: null,
      partitionCount: null,
    };
    expect(auditCsvLine(event)).toBe(
      '"2026-03-01T10:00:00.999Z","4503599627370495","\'=HYPERLINK(""http://x"")","machine","","partition.mark_failed","event","plan-""q""","\' -2+3","DAY","","","","","","","","","","","","","updatePartition","{""uuid"":""p"",""x"":""a,\'=1""}","","req""1""","\'@10.0.0.1","Mozilla/5.0 (X11; Linux x86_64) \t\'=cmd|\' /C calc\'!A0","7d0c6c1e-3b0e-4f9a-9a53-0c9a1f1e2b3c","abababababababababababababababababababababababababababababababab"\r\n',
    );
  });
});
