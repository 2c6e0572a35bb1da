import { describe, expect, it } from "vitest";
import { parseExportQuery, readAuditFilters } from "@/lib/schemas/audit";
import { parsePlansQuery } from "@/lib/schemas/plans";

const q = (s: string) => new URLSearchParams(s);

describe("route handler query parsing", () => {
  it("plans: valid values pass, anything else is refused (no fallback, so no CAN call)", () => {
    expect(parsePlansQuery(q("type=RESULT&q=orders&page=2"))).toEqual({ ok: true, query: { type: "RESULT", q: "orders", page: 2 } });
    expect(parsePlansQuery(q(""))).toEqual({ ok: true, query: { page: 1 } });
    for (const bad of ["type=WEEKLY", "page=0", "page=1.5", "page=abc", `q=${"x".repeat(101)}`]) expect(parsePlansQuery(q(bad)).ok, bad).toBe(false);
  });

  it("audit export: impossible dates, unknown formats and junk filters are refused, never widened", () => {
    expect(parseExportQuery(q("format=json&from=2025-02-28&to=2025-03-01&outcome=ok"))).toEqual({
      ok: true,
      format: "json",
      filters: { from: "2025-02-28", to: "2025-03-01", outcome: "ok" },
    });
    for (const bad of ["from=2025-02-30", "from=2025-13-01", "to=1990-00-00", "to=2023-02-29", "format=xml", "outcome=maybe", "action=DROP TABLE"]) {
      expect(parseExportQuery(q(bad)).ok, bad).toBe(false);
    }
  });

  it("the audit page drops an impossible date instead of crashing on it", () => {
    expect(readAuditFilters(q("from=2025-13-01&actor=Operator"))).toEqual({ actor: "operator" });
  });
});
