import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { canFetch } from "@/lib/can/client";
import { resetReachabilityForTests } from "@/lib/can/reachability";
import type { Tenant } from "@/lib/tenants";
import { canFailure, json, startScriptedCan } from "../support/scripted-can";

// Issue 22: a tenant whose CAN cannot be reached is logged once (and once when it answers again),
// not once per request.

let can: Awaited<ReturnType<typeof startScriptedCan>>;
let closedPort: number;
beforeAll(async () => {
  can = await startScriptedCan();
  // A port that was free a moment ago: connecting to it is refused.
  closedPort = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
});
afterAll(() => can.close());

let logged: Record<string, unknown>[];
let infos: Record<string, unknown>[];
beforeEach(() => {
  resetReachabilityForTests();
  logged = [];
  infos = [];
  // One JSON line per event on stdout (lib/log): warnings and info lines told apart by their level.
  vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    const event = JSON.parse(String(line)) as Record<string, unknown>;
    (event.level === "warn" ? logged : infos).push(event);
  });
});
afterEach(() => vi.restoreAllMocks());

const fast = { timeoutMs: 300, backoffMs: 5 };
const call = (tenant: Tenant) => canFetch(tenant, { endpoint: "listAccelerateResultPlan", method: "GET", schema: z.unknown() }, fast);
const events = () => logged.map((e) => `${String(e.event)}:${String(e.tenant)}`);

describe("an unreachable CAN", () => {
  it("is logged once however many requests fail, and once when it answers again", async () => {
    const unreachable: Tenant = { ...can.tenant, baseUrl: `http://127.0.0.1:${closedPort}` };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const failure = await canFailure(call(unreachable));
      expect(failure.details.kind).toBe("network");
      ids.push(failure.details.requestId);
    }
    expect(events()).toEqual(["can.unreachable:t1"]);
    // Each failed request still has its own line, at info, under the id its error carries.
    expect(infos.map((e) => [e.event, e.requestId])).toEqual(ids.map((id) => ["can.call_failed", id]));
    expect(logged[0]?.hint).toMatch(/check that CAN answers at http:\/\/127\.0\.0\.1:\d+\/ \(the tenant's baseUrl in CAN_TENANTS_FILE/);
    expect(JSON.stringify(logged)).not.toContain(can.tenant.authValue);

    can.handle((_r, res) => json(res, { data: [], success: true, code: "200" }));
    await call(can.tenant);
    await call(can.tenant);
    expect(events()).toEqual(["can.unreachable:t1", "can.reachable_again:t1"]);
    expect(logged[1]).toMatchObject({ failedCalls: 5 });
  });

  it("keeps logging every refusal CAN answers with (those differ per request)", async () => {
    can.handle((_r, res) => json(res, { data: null, success: false, code: "4001", errorMsg: "plan not found" }));
    await canFailure(call(can.tenant));
    await canFailure(call(can.tenant));
    expect(events()).toEqual(["can.call_failed:t1", "can.call_failed:t1"]);
  });
});
