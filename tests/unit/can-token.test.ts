// A tenant with app credentials against the real sandbox over HTTP: lib/can trades them for tokens,
// renews ahead of expiry, renews once when CAN refuses a token, and never resends a mark for
// anything but such a refusal.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CanError } from "@/lib/can/errors";
import { sendMark } from "@/lib/can/mutations";
import { getPlan, listPlansPage } from "@/lib/can/plans";
import { probeTenants } from "@/lib/services/health";
import type { AppCredentialTenant } from "@/lib/tenants";
import { GLOBEX, UUID, dayRange, startTestSandbox, type TestSandbox } from "@/sandbox/test-support";
import { sandboxControl, type SandboxControl } from "../support/sandbox-control";
import { canFailure } from "../support/scripted-can";

let sb: TestSandbox;
let control: SandboxControl;
beforeAll(async () => {
  sb = await startTestSandbox();
  control = sandboxControl(sb.url);
});
afterAll(() => sb.close());
beforeEach(async () => {
  await control.reset();
  await control.clearFaults();
});

const fast = { timeoutMs: 2_000, backoffMs: 5 };
/** A fresh tenant object each time: lib/can holds one token per tenant object. */
const globex = (app: Partial<AppCredentialTenant["app"]> = {}): AppCredentialTenant => ({
  id: "globex",
  name: "Globex",
  baseUrl: sb.url,
  authType: "TOKEN",
  app: { appId: GLOBEX.appId, appSecret: GLOBEX.appSecret, ...app },
});
const counts = async () => {
  const c = await control.requests();
  const globexCalls = c.byTenantAndEndpoint.globex ?? {};
  return { issued: c.tokensIssued.globex ?? 0, tokenCalls: globexCalls["token/create"] ?? 0, calls: globexCalls, applied: c.applied.globex ?? {} };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a tenant with app credentials", () => {
  it("gets one token and keeps using it while it is young", async () => {
    const t = globex();
    for (let i = 0; i < 5; i++) expect((await getPlan(t, UUID.shipmentsDaily, fast)).name).toBe("shipments_daily");
    expect(await counts()).toMatchObject({ issued: 1, calls: { "token/create": 1, queryAccelerateResultPlan: 5 } });
  });

  it("renews ahead of expiry: every call of 5 s of use on 2-second tokens succeeds at the first try, with a renewal per 80 % of a life", async () => {
    const t = globex({ tokenTtlSeconds: 2 });
    const until = Date.now() + 5_000;
    let calls = 0;
    while (Date.now() < until) {
      expect((await getPlan(t, UUID.shipmentsDaily, fast)).name).toBe("shipments_daily");
      calls++;
      await sleep(100);
    }
    const c = await counts();
    expect(c.calls.queryAccelerateResultPlan).toBe(calls); // no call was refused and repeated
    expect(c.issued).toBeGreaterThanOrEqual(3); // 5 s / 1.6 s
    expect(c.issued).toBeLessThanOrEqual(5);
    expect(calls).toBeGreaterThan(c.issued * 3);
  });

  it("20 concurrent calls at expiry: refused, one renewal, each repeated once and answered", async () => {
    const t = globex();
    await getPlan(t, UUID.shipmentsDaily, fast);
    await control.expireTokens();
    const answers = await Promise.all(Array.from({ length: 20 }, () => getPlan(t, UUID.shipmentsDaily, fast)));
    expect(answers.every((p) => p.name === "shipments_daily")).toBe(true);
    expect(await counts()).toMatchObject({ issued: 2, calls: { "token/create": 2, queryAccelerateResultPlan: 1 + 20 + 20 } });
  });

  it("20 concurrent calls when the token is due for renewal: one token/create, no refusal", async () => {
    const t = globex({ tokenTtlSeconds: 2 });
    await getPlan(t, UUID.shipmentsDaily, fast);
    await sleep(1_700); // past 80 % of its life, not yet expired
    await Promise.all(Array.from({ length: 20 }, () => getPlan(t, UUID.shipmentsDaily, fast)));
    expect(await counts()).toMatchObject({ issued: 2, calls: { "token/create": 2, queryAccelerateResultPlan: 21 } });
  });

  it("a mark sent with an expired token is refused, renewed, sent again and applied exactly once", async () => {
    const t = globex();
    await getPlan(t, UUID.shipmentsDaily, fast);
    await control.expireTokens();
    const body = { uuid: UUID.shipmentsDaily, runType: "MANUAL", successTimeRange: [dayRange("2025-11-03")] };
    expect(await sendMark(t, "updatePartition", body as never, fast)).toMatchObject({ success: true });
    const c = await counts();
    expect(c.calls.updatePartition).toBe(2);
    expect(c.applied).toEqual({ updatePartition: 1 });
    expect((await control.state("globex", UUID.shipmentsDaily)).partitions["2025-11-03"]?.status).toBe("success");
  });

  it("a mark that times out or loses its connection is never sent again, token or not", async () => {
    const t = globex();
    const body = { uuid: UUID.shipmentsDaily, runType: "MANUAL", successTimeRange: [dayRange("2025-11-04")] };
    for (const fault of [{ kind: "hang" as const, ms: 1_000 }, { kind: "reset" as const }]) {
      await control.reset();
      await control.setFaults([{ ...fault, endpoint: "updatePartition", times: 1 }]);
      const e = await canFailure(sendMark(t, "updatePartition", body as never, { timeoutMs: 300 }));
      expect(["timeout", "network"]).toContain(e.kind);
      expect((await counts()).calls.updatePartition).toBe(1);
    }
  });

  it("a refusal that is not about the credential renews nothing and is not repeated", async () => {
    const t = globex();
    await control.setFaults([{ kind: "rejected", endpoint: "queryAccelerateResultPlan", message: "no", times: 5 }]);
    await canFailure(getPlan(t, UUID.shipmentsDaily, fast));
    expect(await counts()).toMatchObject({ issued: 1, calls: { queryAccelerateResultPlan: 1 } });
  });

  it("a new token refused too ends the call: renewed once, not in a loop", async () => {
    const t = globex();
    await control.setFaults([{ kind: "http", status: 401, endpoint: "queryAccelerateResultPlan", times: 5 }]);
    const e = await canFailure(getPlan(t, UUID.shipmentsDaily, fast));
    expect(e.details).toMatchObject({ kind: "http", httpStatus: 401 });
    expect(await counts()).toMatchObject({ issued: 2, calls: { queryAccelerateResultPlan: 2 } });
  });

  it("wrong app credentials: an error naming the tenant and CAN's words, never the secret", async () => {
    const secret = "as-wrong-secret-3f9a1c";
    const t = globex({ appSecret: secret });
    const e = await canFailure(listPlansPage(t, 1, 5, fast));
    expect(e.kind).toBe("rejected");
    expect(e.message).toBe('CAN refused the request (token/create for tenant "globex"): authentication failed: invalid appId or appSecret');
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain(secret);
    expect((await counts()).calls).toEqual({ "token/create": 1 }); // no plan call without a token
    const [health] = await probeTenants([t]);
    expect(health).toMatchObject({ tenant: "globex", reachable: false, problem: "rejected: authentication failed: invalid appId or appSecret" });
  });

  it("a token/create that cannot be reached fails the call as CAN unreachable, and a GET tries again", async () => {
    const t = globex();
    await control.setFaults([{ kind: "reset", endpoint: "token/create", times: 1 }]);
    expect((await getPlan(t, UUID.shipmentsDaily, fast)).name).toBe("shipments_daily");
    expect(await counts()).toMatchObject({ tokenCalls: 2, issued: 1 });
    await control.setFaults([{ kind: "reset", endpoint: "token/create" }]);
    const e = await canFailure(sendMark(globex(), "updatePartition", { uuid: UUID.shipmentsDaily, successTimeRange: [dayRange("2025-11-05")] } as never, fast));
    expect(e.details).toMatchObject({ kind: "network", endpoint: "token/create", tenantId: "globex" });
    expect((await counts()).calls.updatePartition).toBeUndefined();
  });

  it("never writes a token or the app secret to the log", async () => {
    const lines: string[] = [];
    const spies = (["log", "info", "warn", "error"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(" "))),
    );
    try {
      const t = globex();
      await getPlan(t, UUID.shipmentsDaily, fast);
      await control.expireTokens();
      await getPlan(t, UUID.shipmentsDaily, fast);
      await canFailure(getPlan(globex({ appSecret: "as-wrong-but-logged?" }), UUID.shipmentsDaily, fast));
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const tokens = (await control.issuedTokens()).map((x) => x.token);
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.includes("can.token_issued"))).toBe(true);
    for (const line of lines) for (const s of [...tokens, GLOBEX.appSecret, "as-wrong-but-logged?"]) expect(line).not.toContain(s);
  });
});

it("a CanError is what every failure is (so pages and /api/health show CAN's words, no stack)", () => {
  expect(new CanError({ kind: "rejected", endpoint: "token/create", requestId: "r", tenantId: "globex", errorMsg: "bad" }).message).toBe(
    'CAN refused the request (token/create for tenant "globex"): bad',
  );
});
