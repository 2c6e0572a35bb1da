import { describe, expect, it } from "vitest";
import { ACME, GLOBEX, globexHeaders, UUID, authHeaders, canGet, canPost, canUrl, dayRange, planState, SEED_END, sandboxForFile } from "./test-support";
import type { Envelope } from "./test-support";

const sb = sandboxForFile();

function expectAuthRefusal(body: Envelope): void {
  expect(body).toMatchObject({ data: null, success: false, code: "401", detailErrorMsg: null });
  expect(body.errorMsg).toMatch(/authentication failed/);
  expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
  // Never hint at any tenant's real credential.
  for (const secret of [ACME.authValue, GLOBEX.appSecret, "sk-sandbox", "as-sandbox"]) {
    expect(body.errorMsg).not.toContain(secret);
  }
}

describe("CAN authentication", () => {
  it.each(["tenant-id", "auth-type", "auth-value"])("refuses a call without %s (HTTP 200, code 401)", async (name) => {
    const headers = authHeaders(ACME);
    delete headers[name];
    const res = await fetch(canUrl(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }), { headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Envelope;
    expectAuthRefusal(body);
    expect(body.errorMsg).toContain(name);
  });

  it("refuses a wrong credential value", async () => {
    const body = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      {
        ...authHeaders(ACME),
        "auth-value": "sk-sandbox-acme-WRONG",
      },
    );
    expectAuthRefusal(body);
  });

  it("refuses the right value under the wrong auth-type", async () => {
    const body = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      {
        ...authHeaders(ACME),
        "auth-type": "TOKEN",
      },
    );
    expectAuthRefusal(body);
  });

  it("refuses an auth-type CAN does not know", async () => {
    const body = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      {
        ...authHeaders(ACME),
        "auth-type": "BEARER",
      },
    );
    expectAuthRefusal(body);
    expect(body.errorMsg).toContain("APIKEY");
  });

  it("refuses an unknown tenant and another tenant's credential", async () => {
    const unknown = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      {
        ...authHeaders(ACME),
        "tenant-id": "initech",
      },
    );
    expectAuthRefusal(unknown);
    const swapped = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      {
        ...(await globexHeaders(sb.url)),
        "tenant-id": "acme",
      },
    );
    expectAuthRefusal(swapped);
  });

  it("accepts each tenant's own credential", async () => {
    const acme = await canGet(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }, authHeaders(ACME));
    expect(acme).toMatchObject({ success: true, code: "200", data: { name: "orders_daily" } });
    const globex = await canGet(sb.url, "queryAccelerateResultPlan", { uuid: UUID.shipmentsDaily }, await globexHeaders(sb.url));
    expect(globex).toMatchObject({ success: true, code: "200", data: { name: "shipments_daily" } });
  });

  it("treats another tenant's uuid exactly like an unknown one", async () => {
    const cross = await canGet(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }, await globexHeaders(sb.url));
    const missing = await canGet(sb.url, "queryAccelerateResultPlan", { uuid: "0".repeat(32) }, await globexHeaders(sb.url));
    expect(cross).toMatchObject({ success: false, data: null, code: missing.code });
    expect(cross.errorMsg?.replace(UUID.ordersDaily, "X")).toBe(missing.errorMsg?.replace("0".repeat(32), "X"));
    const partitions = await canGet(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 10 }, await globexHeaders(sb.url));
    expect(partitions.success).toBe(false);
  });

  it("refuses mutations without valid credentials or across tenants, changing nothing", async () => {
    const before = await planState(sb.url, "acme", UUID.ordersDaily);
    const body = { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-10-25")] };
    expectAuthRefusal(await canPost(sb.url, "updatePartition", body, { ...authHeaders(ACME), "auth-value": "nope" }));
    const cross = await canPost(sb.url, "updatePartition", body, await globexHeaders(sb.url));
    expect(cross).toMatchObject({ success: false, code: "404" });
    const clear = await canPost(sb.url, "clearPartition", { uuid: UUID.ordersDaily, timeRange: [dayRange(SEED_END)] }, await globexHeaders(sb.url));
    expect(clear.success).toBe(false);
    expect(await planState(sb.url, "acme", UUID.ordersDaily)).toEqual(before);
  });
});
