import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { canFetch } from "@/lib/can/client";
import { sendMark } from "@/lib/can/mutations";
import { getPlan, listPlans } from "@/lib/can/plans";
import { canFailure, json, startScriptedCan } from "../support/scripted-can";

let can: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
});
afterAll(() => can.close());

// Tests that want a timeout set their own; this one only bounds a test that should get an answer
// (300 ms was too short on a 2-core machine under load, where the scripted server can be that slow).
const fast = { timeoutMs: 5_000, backoffMs: 5 };
const ok = (data: unknown) => ({ data, success: true, code: "200", errorMsg: null, detailErrorMsg: null });
const anything = z.unknown();

describe("canFetch", () => {
  it("sends the three headers, a request id, and the documented path", async () => {
    can.handle((_r, res) => json(res, ok({ x: 1 })));
    await canFetch(can.tenant, { endpoint: "queryAccelerateResultPlan", method: "GET", query: { uuid: "u1" }, schema: anything }, fast);
    const [req] = can.seen;
    expect(req?.path).toBe("/anymetrics/api/v1/accelerate/plan/queryAccelerateResultPlan");
    expect(req?.query.get("uuid")).toBe("u1");
    expect(req?.headers["tenant-id"]).toBe("t1");
    expect(req?.headers["auth-type"]).toBe("APIKEY");
    expect(req?.headers["auth-value"]).toBe("sk-test-secret-value");
    expect(req?.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts an envelope and a bare body alike", async () => {
    const schema = z.object({ name: z.string() });
    can.handle((_r, res) => json(res, ok({ name: "a" })));
    expect(await canFetch(can.tenant, { endpoint: "e", method: "GET", schema }, fast)).toEqual({ name: "a" });
    can.handle((_r, res) => json(res, { name: "b" }));
    expect(await canFetch(can.tenant, { endpoint: "e", method: "GET", schema }, fast)).toEqual({ name: "b" });
  });

  it("reports success:false as rejected with CAN's code, messages and traceId", async () => {
    can.handle((_r, res) => json(res, { data: null, success: false, code: "4001", errorMsg: "plan not found", detailErrorMsg: "uuid abc", traceId: "tr-1" }));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.details).toMatchObject({ kind: "rejected", code: "4001", errorMsg: "plan not found", detailErrorMsg: "uuid abc", traceId: "tr-1" });
    expect(can.seen).toHaveLength(1);
  });

  it("treats success:true with data:null and an errorMsg as a failure", async () => {
    can.handle((_r, res) => json(res, { data: null, success: true, code: "200", errorMsg: "partition table missing" }));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.details).toMatchObject({ kind: "rejected", errorMsg: "partition table missing" });
  });

  it("treats success:true with data:null as a failure where data is expected", async () => {
    can.handle((_r, res) => json(res, { data: null, success: true, code: "200", errorMsg: null }));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.kind).toBe("rejected");
  });

  it("reports invalid JSON and unexpected shapes as malformed", async () => {
    can.handle((_r, res) => res.end("{not json"));
    expect((await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast))).kind).toBe("malformed");
    can.handle((_r, res) => json(res, ok({ name: 3 })));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: z.object({ name: z.string() }) }, fast));
    expect(e.kind).toBe("malformed");
    expect(e.details.errorMsg).toContain("name");
  });

  it("retries a GET at most twice on 503, then reports http", async () => {
    can.handle((_r, res) => {
      res.writeHead(503);
      res.end("busy");
    });
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.details).toMatchObject({ kind: "http", httpStatus: 503 });
    expect(can.seen).toHaveLength(3);
  });

  it("does not retry a GET on 500 or 4xx", async () => {
    can.handle((_r, res) => json(res, { success: false, code: "500", errorMsg: "boom", traceId: "t" }, 500));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.details).toMatchObject({ kind: "http", httpStatus: 500, errorMsg: "boom", traceId: "t" });
    expect(can.seen).toHaveLength(1);
  });

  it("recovers when a retried GET succeeds", async () => {
    let calls = 0;
    can.handle((_r, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(502);
        res.end();
      } else json(res, ok({ v: 2 }));
    });
    expect(await canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast)).toEqual({ v: 2 });
    expect(can.seen).toHaveLength(2);
  });

  it("times out a hanging GET, retrying twice", async () => {
    can.handle(() => undefined);
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, { timeoutMs: 100, backoffMs: 1 }));
    expect(e.kind).toBe("timeout");
    expect(can.seen).toHaveLength(3);
  });

  it("never retries a POST: timeout, reset or 503 is reported after one attempt", async () => {
    can.handle(() => undefined);
    const body = { uuid: "u", runType: "MANUAL" as const };
    expect((await canFailure(sendMark(can.tenant, "updatePartition", body, { timeoutMs: 100, backoffMs: 1 }))).kind).toBe("timeout");
    expect(can.seen).toHaveLength(1);
    can.handle((_r, res) => res.socket?.destroy());
    expect((await canFailure(sendMark(can.tenant, "updatePartition", body, fast))).kind).toBe("network");
    expect(can.seen).toHaveLength(1);
    can.handle((_r, res) => {
      res.writeHead(503);
      res.end();
    });
    expect((await canFailure(sendMark(can.tenant, "clearPartition", { uuid: "u", timeRange: [] }, fast))).kind).toBe("http");
    expect(can.seen).toHaveLength(1);
  });

  it("reports a refused connection as network", async () => {
    const gone = { ...can.tenant, baseUrl: "http://127.0.0.1:1" };
    const e = await canFailure(canFetch(gone, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(e.kind).toBe("network");
  });

  it("never puts the credential in an error message", async () => {
    can.handle((_r, res) => json(res, { success: false, errorMsg: "denied" }));
    const e = await canFailure(canFetch(can.tenant, { endpoint: "e", method: "GET", schema: anything }, fast));
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain("sk-test-secret-value");
  });

  it("sends mutation bodies as JSON and returns CAN's answer whole (data:'success')", async () => {
    can.handle((_r, res) => json(res, { ...ok("success"), traceId: "t-1" }));
    const answer = await sendMark(
      can.tenant,
      "updatePartition",
      { uuid: "u", runType: "MANUAL", successTimeRange: [{ dateGranularity: "DAY", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" }] },
      fast,
    );
    expect(JSON.parse(can.seen[0]?.body ?? "")).toEqual({
      uuid: "u",
      runType: "MANUAL",
      successTimeRange: [{ dateGranularity: "DAY", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" }],
    });
    expect(can.seen[0]?.headers["content-type"]).toBe("application/json");
    expect(answer).toEqual({ ...ok("success"), traceId: "t-1" });
  });
});

describe("plans", () => {
  it("walks the plan list pages and reshapes items", async () => {
    can.handle((r, res) => {
      const { pager } = JSON.parse(r.body) as { pager: { pageNumber: number } };
      const data =
        pager.pageNumber === 1
          ? [{ id: "a", name: "n_a", displayName: "A", materializeType: "EXTERNAL" }]
          : [{ id: "b", name: "n_b", materializeType: "RESULT" }];
      json(res, { data, hasNext: pager.pageNumber === 1, total: 2, pageNumber: pager.pageNumber, pageSize: 100 });
    });
    expect(await listPlans(can.tenant, undefined, fast)).toEqual([
      { uuid: "a", name: "n_a", displayName: "A", materializeType: "EXTERNAL" },
      { uuid: "b", name: "n_b", displayName: "n_b", materializeType: "RESULT" },
    ]);
  });

  /** A plan list of `total` plans served 100 a page; `withTotal: false` leaves `total` out. */
  function servePlanList(total: number, { withTotal = true, hold = 0 } = {}) {
    let inFlight = 0;
    let most = 0;
    can.handle((r, res) => {
      const { pager } = JSON.parse(r.body) as { pager: { pageNumber: number } };
      inFlight++;
      most = Math.max(most, inFlight);
      const from = (pager.pageNumber - 1) * 100;
      const data = Array.from({ length: Math.max(0, Math.min(100, total - from)) }, (_, i) => ({
        id: `p${from + i}`,
        name: `n${from + i}`,
        materializeType: "EXTERNAL",
      }));
      setTimeout(() => {
        inFlight--;
        json(res, { data, hasNext: from + 100 < total, ...(withTotal ? { total } : {}), pageNumber: pager.pageNumber, pageSize: 100 });
      }, hold);
    });
    return { most: () => most };
  }

  it("reads the pages after the first side by side, bounded, and keeps every plan once", async () => {
    const served = servePlanList(2_000, { hold: 30 });
    const plans = await listPlans(can.tenant, undefined, fast);
    expect(plans).toHaveLength(2_000);
    expect(new Set(plans.map((p) => p.uuid)).size).toBe(2_000);
    expect(can.seen).toHaveLength(20);
    // CAN_PAGE_CONCURRENCY (6 by default) at a time: more than one, never more than six.
    expect(served.most()).toBeGreaterThan(1);
    expect(served.most()).toBeLessThanOrEqual(6);
  });

  it("walks one page after another when CAN gives no total", async () => {
    const served = servePlanList(250, { withTotal: false });
    expect(await listPlans(can.tenant, undefined, fast)).toHaveLength(250);
    expect(can.seen.map((r) => (JSON.parse(r.body) as { pager: { pageNumber: number } }).pager.pageNumber)).toEqual([1, 2, 3]);
    expect(served.most()).toBe(1);
  });

  it("reads plan details with granularity, table and refresh", async () => {
    can.handle((_r, res) =>
      json(
        res,
        ok({
          id: "a",
          name: "n",
          materializeType: "EXTERNAL",
          metricTimeGranularity: "MONTH",
          tablePath: { tableCatalog: "c", tableSchema: "s", tableName: "t" },
          refreshConfig: { cron: "0 0 0 * * ?", isFullRefresh: false },
          metricList: [{ name: "m" }],
        }),
      ),
    );
    const plan = await getPlan(can.tenant, "a", fast);
    expect(plan).toMatchObject({
      uuid: "a",
      granularity: "MONTH",
      table: { catalog: "c", schema: "s", name: "t" },
      refresh: { cron: "0 0 0 * * ?", isFullRefresh: false },
    });
    expect(plan).not.toHaveProperty("config");
  });
});
