import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleControlRequest } from "./control-router";
import type { ArmedFault } from "./faults";
import { isLoopbackAddress } from "./loopback";
import type { RequestCounts } from "./request-counters";
import type { RuntimeConfig } from "./runtime-config";
import type { SandboxContext } from "./sandbox-context";
import { ACME, globexHeaders, UUID, authHeaders, canGet, canPost, canUrl, control, dayRange, planState, startTestSandbox } from "./test-support";
import type { TestSandbox } from "./test-support";

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.5", false],
    ["192.168.1.20", false],
    ["::ffff:10.0.0.5", false],
    ["127.0.0.2", false],
    ["fe80::1", false],
    ["", false],
    [undefined, false],
  ])("%s -> %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });

  it("makes the control endpoint answer 403 to a remote caller", async () => {
    const socket = new Socket();
    Object.defineProperty(socket, "remoteAddress", { value: "203.0.113.9" });
    const req = new IncomingMessage(socket);
    req.method = "POST";
    req.url = "/__sandbox/reset";
    const res = new ServerResponse(req);
    // The context is never reached: refusing must happen before anything is read or changed.
    await handleControlRequest({} as SandboxContext, req, res, new URL("http://x/__sandbox/reset"));
    expect(res.statusCode).toBe(403);
  });
});

describe("control endpoint", () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ config: { shape: "detailed", maxPageSize: 50 } });
  });
  afterAll(() => sb.close());

  it("merges config and validates it", async () => {
    await control(sb.url, "POST", "reset");
    const merged = await control<RuntimeConfig>(sb.url, "POST", "config", { latencyMs: 5 });
    expect(merged).toEqual({ shape: "detailed", maxPageSize: 50, latencyMs: 5, readEnvelope: "envelope", tokenTtlSeconds: 21_600, listOrder: "newest-first" });
    expect(await control<RuntimeConfig>(sb.url, "GET", "config")).toEqual(merged);
    for (const bad of [{ shape: "fancy" }, { maxPageSize: 0 }, { colour: "red" }]) {
      const res = await fetch(`${sb.url}/__sandbox/config`, { method: "POST", body: JSON.stringify(bad) });
      expect(res.status).toBe(400);
    }
    expect(await control<RuntimeConfig>(sb.url, "GET", "config")).toEqual(merged);
  });

  it("shows tenants, a tenant's plans and one plan's partitions", async () => {
    await control(sb.url, "POST", "reset");
    const all = await control<{ tenants: { id: string; plans: number }[] }>(sb.url, "GET", "state");
    expect(all.tenants).toEqual([expect.objectContaining({ id: "acme", plans: 8 }), expect.objectContaining({ id: "globex", plans: 6 })]);
    const acme = await control<{ plans: { uuid: string; name: string; counts: { success: number; failed: number; total: number } }[] }>(
      sb.url,
      "GET",
      "state?tenant=acme",
    );
    const orders = acme.plans.find((p) => p.uuid === UUID.ordersDaily);
    expect(orders?.name).toBe("orders_daily");
    const plan = await planState(sb.url, "acme", UUID.ordersDaily);
    expect(orders?.counts.total).toBe(Object.keys(plan.partitions).length);
    expect(plan.plan).toMatchObject({ id: UUID.ordersDaily, name: "orders_daily", isFullRefresh: false, hasData: true });
    expect((await fetch(`${sb.url}/__sandbox/state?tenant=initech`)).status).toBe(404);
    expect((await fetch(`${sb.url}/__sandbox/state?tenant=globex&uuid=${UUID.ordersDaily}`)).status).toBe(404);
  });

  it("adds a big tenant's plans when asked, which CAN's plan list then pages through, until a reset", async () => {
    await control(sb.url, "POST", "reset");
    expect(await control(sb.url, "POST", "plans/many", { tenant: "acme", count: 120 })).toEqual({ tenant: "acme", added: 120, plans: 128 });
    expect(await control(sb.url, "POST", "plans/many", { tenant: "acme", count: 3 })).toMatchObject({ plans: 131 });
    // The plan list is answered whole: its items in `data`, the pager beside them.
    type Listed = { data: { name: string }[]; total: number; hasNext: boolean };
    const last = await canPost<Listed>(sb.url, "queryAccelerateResultPlanList", { pager: { pageNumber: 3, pageSize: 50 } });
    expect(last.total).toBe(131);
    expect(last.hasNext).toBe(false);
    expect(last.data.map((p) => p.name).slice(-2)).toEqual(["bulk_plan_0122", "bulk_plan_0123"]);
    for (const bad of [
      { tenant: "initech", count: 1 },
      { tenant: "acme", count: 0 },
    ]) {
      const res = await fetch(`${sb.url}/__sandbox/plans/many`, { method: "POST", body: JSON.stringify(bad) });
      expect(res.status).toBe(bad.tenant === "initech" ? 404 : 400);
    }
    await control(sb.url, "POST", "reset");
    expect(await control<{ tenants: { id: string; plans: number }[] }>(sb.url, "GET", "state")).toMatchObject({
      tenants: [
        { id: "acme", plans: 8 },
        { id: "globex", plans: 6 },
      ],
    });
  });

  it("counts CAN calls per tenant header and endpoint, refused ones included", async () => {
    await control(sb.url, "POST", "reset");
    await canPost(sb.url, "queryAccelerateResultPlanList", { pager: { pageNumber: 1, pageSize: 5 } });
    await canGet(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 5 });
    await canGet(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 5 }, { ...authHeaders(ACME), "auth-value": "bad" });
    await canGet(sb.url, "queryAccelerateResultPlan", { uuid: UUID.shipmentsDaily }, await globexHeaders(sb.url));
    await fetch(canUrl(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }));
    await fetch(canUrl(sb.url, "transform"), { method: "POST", headers: authHeaders(ACME), body: "{}" });
    const counts = await control<RequestCounts>(sb.url, "GET", "requests");
    expect(counts).toEqual({
      total: 6,
      byTenant: { acme: 3, globex: 2, "(none)": 1 },
      byEndpoint: { queryAccelerateResultPlanList: 1, queryMtPartitionList: 2, queryAccelerateResultPlan: 2, "token/create": 1 },
      byTenantAndEndpoint: {
        acme: { queryAccelerateResultPlanList: 1, queryMtPartitionList: 2 },
        globex: { queryAccelerateResultPlan: 1, "token/create": 1 },
        "(none)": { queryAccelerateResultPlan: 1 },
      },
      applied: {},
      tokensIssued: { globex: 1 },
    });
  });

  it("keeps each call's x-request-id, so one id can be followed from the console to CAN", async () => {
    await control(sb.url, "POST", "reset");
    await canGet(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 5 }, { ...authHeaders(ACME), "x-request-id": "req-1" });
    await canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-11-01")] });
    expect(await control(sb.url, "GET", "requests/recent")).toEqual([
      { tenant: "acme", endpoint: "queryMtPartitionList", requestId: "req-1" },
      { tenant: "acme", endpoint: "updatePartition", requestId: null },
    ]);
    await control(sb.url, "POST", "reset");
    expect(await control(sb.url, "GET", "requests/recent")).toEqual([]);
  });

  it("reset reseeds, clears faults and counters and restores the start-up config", async () => {
    await canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-11-01")] });
    await control(sb.url, "POST", "config", { shape: "documented", readEnvelope: "bare" });
    await control(sb.url, "POST", "faults", [{ kind: "latency", ms: 1 }]);
    await control(sb.url, "POST", "reset");
    expect((await planState(sb.url, "acme", UUID.ordersDaily)).partitions["2025-11-01"]).toBeUndefined();
    expect(await control<ArmedFault[]>(sb.url, "GET", "faults")).toEqual([]);
    expect((await control<RequestCounts>(sb.url, "GET", "requests")).total).toBe(0);
    expect(await control<RuntimeConfig>(sb.url, "GET", "config")).toEqual({
      shape: "detailed",
      maxPageSize: 50,
      latencyMs: 0,
      readEnvelope: "envelope",
      tokenTtlSeconds: 21_600,
      listOrder: "newest-first",
    });
  });

  it("answers 404 for an unknown control route and 400 for a non-JSON body", async () => {
    expect((await fetch(`${sb.url}/__sandbox/nope`)).status).toBe(404);
    expect((await fetch(`${sb.url}/__sandbox/faults`, { method: "POST", body: "[" })).status).toBe(400);
  });
});
