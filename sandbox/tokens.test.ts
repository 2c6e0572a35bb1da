import { describe, expect, it } from "vitest";
import type { RequestCounts } from "./request-counters";
import { ACME, GLOBEX, UUID, authHeaders, canGet, canPost, control, dayRange, sandboxForFile, type Envelope } from "./test-support";

const sb = sandboxForFile({ reset: true });

const createToken = async (body: unknown): Promise<Envelope> => {
  const res = await fetch(`${sb.url}/anymetrics/api/v1/token/create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope;
};
const tokenOf = async (expire?: number): Promise<string> => {
  const answer = await createToken({ appId: GLOBEX.appId, appSecret: GLOBEX.appSecret, ...(expire ? { expire } : {}) });
  expect(answer).toMatchObject({ success: true, code: "200", errorMsg: null });
  expect(typeof answer.data).toBe("string");
  return answer.data as string;
};
const globexPlan = (token: string) =>
  canGet(sb.url, "queryAccelerateResultPlan", { uuid: UUID.shipmentsDaily }, { "tenant-id": "globex", "auth-type": "TOKEN", "auth-value": token });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("token/create", () => {
  it("issues a token of at most 32 characters that authenticates the app's tenant only", async () => {
    const token = await tokenOf();
    expect(token.length).toBeLessThanOrEqual(32);
    expect(await globexPlan(token)).toMatchObject({ success: true, data: { name: "shipments_daily" } });
    const asAcme = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.ordersDaily },
      { "tenant-id": "acme", "auth-type": "TOKEN", "auth-value": token },
    );
    expect(asAcme).toMatchObject({ success: false, code: "401" });
    const asKey = await canGet(
      sb.url,
      "queryAccelerateResultPlan",
      { uuid: UUID.shipmentsDaily },
      { "tenant-id": "globex", "auth-type": "APIKEY", "auth-value": token },
    );
    expect(asKey).toMatchObject({ success: false, code: "401" });
  });

  it("refuses a wrong secret, an unknown appId and a key tenant's key alike, echoing none of them", async () => {
    for (const body of [
      { appId: GLOBEX.appId, appSecret: "as-wrong-secret-value" },
      { appId: "app-nobody", appSecret: GLOBEX.appSecret },
      { appId: ACME.id, appSecret: ACME.authValue },
    ]) {
      const answer = await createToken(body);
      expect(answer).toMatchObject({ success: false, code: "401", data: null, errorMsg: "authentication failed: invalid appId or appSecret" });
      expect(JSON.stringify(answer)).not.toContain(body.appSecret);
    }
    expect((await createToken({ appId: GLOBEX.appId })).code).toBe("400");
  });

  it("a token expires after the requested time and is then refused like any bad credential", async () => {
    const token = await tokenOf(1);
    expect((await globexPlan(token)).success).toBe(true);
    await sleep(1_100);
    const refused = await globexPlan(token);
    expect(refused).toMatchObject({ success: false, code: "401", data: null, errorMsg: 'authentication failed: token expired for tenant "globex"' });
  });

  it("the default life is the control setting's; reset restores CAN's six hours", async () => {
    await control(sb.url, "POST", "config", { tokenTtlSeconds: 1 });
    const short = await tokenOf();
    await sleep(1_100);
    expect((await globexPlan(short)).code).toBe("401");
    await control(sb.url, "POST", "reset");
    expect(await control(sb.url, "GET", "config")).toMatchObject({ tokenTtlSeconds: 21_600 });
  });

  it("tokens/expire ends every live token at once", async () => {
    const token = await tokenOf();
    expect(await control<{ expired: number }>(sb.url, "POST", "tokens/expire")).toMatchObject({ expired: expect.any(Number) as number });
    expect((await globexPlan(token)).errorMsg).toMatch(/token expired/);
  });

  it("counts calls and issued tokens under the app's tenant, and marks applied apart from marks received", async () => {
    const token = await tokenOf();
    await createToken({ appId: GLOBEX.appId, appSecret: "nope" });
    const mark = { uuid: UUID.shipmentsDaily, successTimeRange: [dayRange("2025-11-02")] };
    const headers = { "tenant-id": "globex", "auth-type": "TOKEN", "auth-value": token };
    await control(sb.url, "POST", "tokens/expire");
    expect((await canPost(sb.url, "updatePartition", mark, headers)).success).toBe(false);
    expect((await canPost(sb.url, "updatePartition", mark, { ...headers, "auth-value": await tokenOf() })).success).toBe(true);
    expect((await canPost(sb.url, "updatePartition", { ...mark, uuid: UUID.ordersDaily }, authHeaders(ACME))).success).toBe(true);
    const counts = await control<RequestCounts>(sb.url, "GET", "requests");
    expect(counts.byTenantAndEndpoint.globex).toEqual({ "token/create": 3, updatePartition: 2 });
    expect(counts.tokensIssued).toEqual({ globex: 2 });
    expect(counts.applied).toEqual({ globex: { updatePartition: 1 }, acme: { updatePartition: 1 } });
  });

  it("answers a fault aimed at it, and only such a fault", async () => {
    await control(sb.url, "POST", "faults", [{ kind: "rejected", message: "plan API down" }]);
    expect(await tokenOf()).toMatch(/^tkn-/);
    await control(sb.url, "POST", "faults", [{ kind: "rejected", endpoint: "token/create", message: "sso down", times: 1 }]);
    expect(await createToken({ appId: GLOBEX.appId, appSecret: GLOBEX.appSecret })).toMatchObject({ success: false, errorMsg: "sso down" });
  });
});
