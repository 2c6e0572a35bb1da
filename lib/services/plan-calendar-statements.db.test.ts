import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OtlpReceiver, ReceivedSpan } from "@/tests/support/otlp-receiver";
import { answerPlanRead, json, startScriptedCan } from "@/tests/support/scripted-can";
import { withTestDb } from "@/tests/support/test-db";
import { testTracing } from "@/tests/support/test-tracing";
import { sendBatchedSpans, withSpan } from "@/lib/telemetry/tracing";
import { getPlanCalendar } from "./plan-calendar";
import { forgetSharedListingsForTests } from "./shared-listing";

// What one calendar read asks the database (issue 23 item 2: on PGlite every statement is a round
// trip into the WebAssembly Postgres), counted from the traced client's spans on a real database
// and a real HTTP server scripted as CAN. Tracing starts before the database opens, so its client
// is the traced one.

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await testTracing();
});
withTestDb();
let can: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
  can.handle((r, res) => {
    if (answerPlanRead(r, res)) return;
    const items = ["2026-02-26", "2026-02-27", "2026-02-28"].map((value) => ({ value, status: "SUCCESS" }));
    json(res, {
      data: { hasData: true, isPartition: true, partition: { paritionList: items, hasNext: false, total: 3 } },
      success: true,
      code: "200",
      errorMsg: null,
    });
  });
});
afterAll(async () => {
  await can.close();
});

const NOW = new Date("2026-03-01T12:00:00Z");

/** The statements (not BEGIN/COMMIT, which only one of the two drivers sends through `query`) run under one span. */
function statementsOf(name: string): string[] {
  const caller = receiver.spans.find((s) => s.name === name);
  expect(caller).toBeDefined();
  return receiver.spans
    .filter((s: ReceivedSpan) => s.name === "db.query" && s.traceId === caller!.traceId)
    .map((s) => String(s.attributes["db.query.text"]))
    .filter((t) => /^\s*(select|insert|update|delete|with)\b/i.test(t));
}

// Every read is made first, each under its own span, and each case then looks at its own.
beforeAll(async () => {
  const read = (name: string, plan: string) => withSpan(name, {}, () => getPlanCalendar(can.tenant, plan, NOW));
  forgetSharedListingsForTests();
  await read("first read", "plan-a");
  await read("second read", "plan-a");
  forgetSharedListingsForTests();
  await read("read anew", "plan-a");
  await sendBatchedSpans();
});

describe("a calendar read's statements", () => {
  it("reads the plan's marks once (they give its audit position too), compares the list with the stored one, and lists outside changes", () => {
    const first = statementsOf("first read");
    // Marks (the position with them) and outside changes: two reads of the audit log, none for the position alone.
    expect(first.filter((t) => /from "audit_log"/i.test(t))).toHaveLength(2);
    expect(first.some((t) => /"plan_listing_snapshot"/i.test(t))).toBe(true);
  });

  it("compares once per read of CAN: a request sharing the read only reads its marks and outside changes", () => {
    const second = statementsOf("second read");
    expect(second).toHaveLength(2);
    expect(second.every((t) => /from "audit_log"/i.test(t))).toBe(true);
  });

  it("compares again when CAN is read again", () => {
    const again = statementsOf("read anew");
    expect(again.some((t) => /update "plan_listing_snapshot"/i.test(t))).toBe(true);
    expect(again.filter((t) => /from "audit_log"/i.test(t))).toHaveLength(2);
  });
});
