// What keeps a tenant's CAN credential from leaving through CAN's own answers: a redirect is never
// followed (the credential headers and a mark's body would go wherever it points), and CAN's error
// text is redacted before anything logs, stores or shows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { canFetch } from "@/lib/can/client";
import type { AppCredentialTenant } from "@/lib/tenants";
import { canFailure, json, startScriptedCan } from "../support/scripted-can";

let can: Awaited<ReturnType<typeof startScriptedCan>>;
let elsewhere: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
  elsewhere = await startScriptedCan();
});
afterAll(async () => {
  await can.close();
  await elsewhere.close();
});

const fast = { timeoutMs: 1_000, backoffMs: 5 };
const secret = () => can.tenant.authValue;

describe("a CAN answer that redirects", () => {
  // Another host (localhost, not 127.0.0.1, and another port): fetch would keep the custom headers.
  const target = () => `${elsewhere.tenant.baseUrl.replace("127.0.0.1", "localhost")}/steal`;

  for (const status of [301, 302, 307, 308]) {
    it(`is an error, never followed (GET, ${status})`, async () => {
      elsewhere.handle((_r, res) => json(res, { data: { x: 1 }, success: true, code: "200" }));
      can.handle((_r, res) => {
        res.writeHead(status, { location: target() });
        res.end();
      });
      const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: z.unknown() }, fast));
      expect(e.details).toMatchObject({ kind: "http", httpStatus: status });
      expect(e.message).toMatch(/redirect, not followed/);
      expect(e.message).not.toContain("localhost");
      expect(elsewhere.seen).toHaveLength(0);
      expect(can.seen).toHaveLength(1);
    });
  }

  it("does not resend a mark's POST and body on a 307/308", async () => {
    for (const status of [307, 308]) {
      elsewhere.handle((_r, res) => json(res, { data: "success", success: true, code: "200" }));
      can.handle((_r, res) => {
        res.writeHead(status, { location: target() });
        res.end();
      });
      const e = await canFailure(
        canFetch(can.tenant, { endpoint: "updatePartition", method: "POST", body: { uuid: "u1" }, schema: z.unknown(), expectsData: false }, fast),
      );
      expect(e.details.httpStatus).toBe(status);
      expect(elsewhere.seen).toHaveLength(0);
    }
  });
});

describe("CAN's error text", () => {
  it("is redacted of the credential in errorMsg, detailErrorMsg and traceId (rejected and HTTP errors)", async () => {
    const body = {
      data: null,
      success: false,
      code: "401",
      errorMsg: `bad key ${secret()} for tenant t1`,
      detailErrorMsg: `header auth-value: ${secret()}; expected another`,
      traceId: `tr-${secret()}`,
    };
    for (const status of [200, 401]) {
      can.handle((_r, res) => json(res, body, status));
      const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: z.unknown() }, fast));
      const everything = JSON.stringify({ message: e.message, details: e.details });
      expect(everything).not.toContain(secret());
      expect(e.details.errorMsg).toBe("bad key [redacted] for tenant t1");
      expect(e.details.detailErrorMsg).toBe("header auth-value: [redacted]; expected another");
    }
  });

  it("is redacted of the app secret and of the token CAN issued, for a tenant with app credentials", async () => {
    const token = "tkn-scripted-0a1b2c3d4e5f";
    const appSecret = "as-scripted-secret-77aa";
    const tenant: AppCredentialTenant = { id: "t2", name: "T2", baseUrl: can.tenant.baseUrl, authType: "TOKEN", app: { appId: "app-t2", appSecret } };
    can.handle((r, res) => {
      if (r.path === "/anymetrics/api/v1/token/create") return json(res, { data: token, success: true, code: "200" });
      json(res, { data: null, success: false, code: "500", errorMsg: `token ${token} lacks a grant`, detailErrorMsg: `issued for secret ${appSecret}` });
    });
    const e = await canFailure(canFetch(tenant, { endpoint: "e", method: "GET", schema: z.unknown() }, fast));
    expect(can.seen.map((r) => r.path)).toEqual(["/anymetrics/api/v1/token/create", "/anymetrics/api/v1/accelerate/plan/e"]);
    expect(can.seen[0]?.headers["auth-value"]).toBeUndefined();
    expect(can.seen[1]?.headers).toMatchObject({ "auth-type": "TOKEN", "auth-value": token });
    expect(e.details.errorMsg).toBe("token [redacted] lacks a grant");
    expect(e.details.detailErrorMsg).toBe("issued for secret [redacted]");
  });

  it("is redacted of any auth-value CAN echoes, even one that is no tenant's (a rotated key)", async () => {
    can.handle((_r, res) =>
      json(res, { data: null, success: false, errorMsg: 'rejected {"auth-value":"sk-old-rotated-key"}', detailErrorMsg: "authValue=sk-old-rotated-key" }),
    );
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: z.unknown() }, fast));
    expect(JSON.stringify(e.details)).not.toContain("sk-old-rotated-key");
    expect(e.details.errorMsg).toBe('rejected {"auth-value":"[redacted]"}');
  });
});
