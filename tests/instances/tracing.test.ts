import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../support/action-client";
import { root, startInstance, startSandbox, stop, type Proc } from "../support/cluster";
import { createDatabase, mark } from "../support/instance-checks";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver";
import { sandboxControl } from "../support/sandbox-control";
import { DEMO_TENANTS, demoSecrets } from "@/lib/demo-tenants";

// An instance with OTEL_EXPORTER_OTLP_ENDPOINT set sends its spans to a collector (a real HTTP
// receiver of OTLP/HTTP JSON): one trace per request, with the action, its CAN call and its
// database queries, all carrying the request id that CAN received as x-request-id.

const TENANT = "acme";
const PLAN = "orders_daily";

let receiver: OtlpReceiver | undefined;
let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
let instance: Proc | undefined;
let database: Awaited<ReturnType<typeof createDatabase>> | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  database = await createDatabase();
  sandbox = await startSandbox();
  instance = await startInstance("traced", {
    databaseUrl: database.url,
    sandboxUrl: sandbox.base,
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: "console-under-test", OTEL_BSP_SCHEDULE_DELAY: "100" },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(instance), stop(sandbox)]);
  await receiver?.stop();
  await database?.drop();
}, 60_000);

async function spansUntil(found: (spans: ReceivedSpan[]) => boolean, timeoutMs = 15_000): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  while (!found(receiver!.spans) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return receiver!.spans;
}

/** The span's chain of parents within the spans received, nearest first. */
function ancestors(span: ReceivedSpan, all: ReceivedSpan[]): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let parent = all.find((s) => s.spanId === span.parentSpanId); parent; parent = all.find((s) => s.spanId === parent!.parentSpanId)) chain.push(parent);
  return chain;
}

describe("traces over OTLP", () => {
  it("a mark is one trace: the action's span, its CAN call and its queries, under one request id that CAN also received", async () => {
    const session = await signIn(root, instance!.base, "operator", "demo-password");
    expect(session.cookie).toBeDefined();
    const plan = await sandboxControl(sandbox!.base).planByName(TENANT, PLAN);
    const result = await mark(instance!.base, session.cookie!, {
      tenant: TENANT,
      planUuid: plan.uuid,
      planName: PLAN,
      start: "2023-03-01",
      end: "2023-03-02",
      result: "failed",
    });
    expect(result.ok).toBe(true);
    const requestId = result.data!.requestId;

    const spans = await spansUntil((all) => all.some((s) => s.name === "action markPartitions" && s.attributes["app.request.id"] === requestId));
    const action = spans.find((s) => s.name === "action markPartitions" && s.attributes["app.request.id"] === requestId)!;
    expect(action.service).toBe("console-under-test");
    expect(action.attributes["app.tenant"]).toBe(TENANT);

    const trace = spans.filter((s) => s.traceId === action.traceId);
    const canCall = trace.find((s) => s.name === "CAN updatePartition");
    expect(canCall, `CAN span in ${trace.map((s) => s.name).join(", ")}`).toBeDefined();
    expect(canCall!.attributes["app.request.id"]).toBe(requestId);
    expect(ancestors(canCall!, trace)).toContain(action);

    const queries = trace.filter((s) => s.name === "db.query" && ancestors(s, trace).includes(action));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.some((q) => /insert into "audit/i.test(String(q.attributes["db.query.text"])))).toBe(true);

    // The action runs inside Next's own span for the HTTP request, which gets the request id too,
    // and the trace starts at Next's server span.
    const [parent] = ancestors(action, trace);
    expect(parent?.attributes["next.span_type"]).toBe("BaseServer.handleRequest");
    expect(parent?.attributes["app.request.id"]).toBe(requestId);
    expect(ancestors(action, trace).at(-1)?.parentSpanId).toBeUndefined();

    const sent = await sandboxControl(sandbox!.base).recentRequests();
    expect(sent.some((r) => r.endpoint === "updatePartition" && r.requestId === requestId)).toBe(true);
  });

  it("a read through a route handler has its own span, and no span holds a credential or a session", async () => {
    const session = await signIn(root, instance!.base, "viewer", "demo-password");
    const res = await fetch(`${instance!.base}/api/t/${TENANT}/plans`, { headers: { cookie: session.cookie! } });
    expect(res.status).toBe(200);
    const spans = await spansUntil((all) => all.some((s) => s.name.startsWith("route ") && s.attributes["app.tenant"] === TENANT));
    const route = spans.find((s) => s.name.startsWith("route ") && s.attributes["app.tenant"] === TENANT)!;
    expect(spans.some((s) => s.traceId === route.traceId && s.name.startsWith("CAN "))).toBe(true);

    const everything = JSON.stringify(spans);
    const cookieValue = session.cookie!.split("=").slice(1).join("=");
    expect(everything).not.toContain(cookieValue);
    expect(everything).not.toContain("demo-password");
    for (const secret of DEMO_TENANTS.flatMap(demoSecrets)) expect(everything).not.toContain(secret);
  });
});
