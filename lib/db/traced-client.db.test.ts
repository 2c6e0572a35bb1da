import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { OtlpReceiver } from "@/tests/support/otlp-receiver";
import { createTestDatabase, openTestPglite, serverUrl } from "@/tests/support/test-db";
import { testTracing } from "@/tests/support/test-tracing";
import { sendBatchedSpans, withSpan } from "@/lib/telemetry/tracing";
import { openPostgres, type DbHandle } from "./index";

// With tracing on, the handle's client is the traced one: every query, inside a transaction too
// (PGlite hands the transaction its own query object; a pg pool checks a client out), is a span
// under the span that ran it, with its statement and without its parameters.

let receiver: OtlpReceiver;
let handle: DbHandle;
let done: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  receiver = await testTracing();
  if (!serverUrl) {
    handle = await openTestPglite();
    done = () => handle.close();
  } else {
    const created = await createTestDatabase();
    handle = await openPostgres(created.url, 2);
    done = async () => {
      await handle.close();
      await created.drop();
    };
  }
}, 60_000);

afterAll(async () => {
  await done();
});

it("each query is a span under the caller's, with the statement and no parameter", async () => {
  await withSpan("caller", {}, async () => {
    await handle.db.execute(sql`select ${"parameter-value-1"}::text as v`);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select ${"parameter-value-2"}::text as inside_transaction`);
    });
  });
  await sendBatchedSpans();

  const caller = receiver.spans.find((s) => s.name === "caller");
  expect(caller).toBeDefined();
  const queries = receiver.spans.filter((s) => s.name === "db.query" && s.traceId === caller!.traceId);
  const texts = queries.map((q) => String(q.attributes["db.query.text"]));
  expect(texts.some((t) => t.includes("as v"))).toBe(true);
  expect(texts.some((t) => t.includes("as inside_transaction"))).toBe(true);
  expect(JSON.stringify(receiver.spans)).not.toContain("parameter-value");
  expect(queries.every((q) => q.attributes["db.system.name"] === "postgresql")).toBe(true);
});
