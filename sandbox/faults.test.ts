import { describe, expect, it } from "vitest";
import type { ArmedFault } from "./faults";
import type { RequestCounts } from "./request-counters";
import {
  ACME,
  globexHeaders,
  UUID,
  authHeaders,
  canGet,
  canPost,
  canUrl,
  control,
  dayRange,
  planState,
  sandboxForFile,
  startTestSandbox,
} from "./test-support";
import type { Envelope, PartitionBody } from "./test-support";

const sb = sandboxForFile({ reset: true });

const setFaults = (faults: unknown[]) => control(sb.url, "POST", "faults", faults);
const detailUrl = () => canUrl(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily });
const getDetail = () => fetch(detailUrl(), { headers: authHeaders(ACME) });
const partitionsPage = (pageNumber: number) =>
  fetch(canUrl(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber, pageSize: 10 }), { headers: authHeaders(ACME) });

describe("fault kinds", () => {
  it("reset drops the connection without a response", async () => {
    await setFaults([{ kind: "reset" }]);
    await expect(getDetail()).rejects.toThrow();
  });

  it("http answers the status with a non-JSON body, or a JSON error page when asked", async () => {
    await setFaults([
      { kind: "http", times: 1 },
      { kind: "http", status: 500, bodyFormat: "json", message: "boom" },
    ]);
    const text = await getDetail();
    expect(text.status).toBe(503);
    expect(text.headers.get("content-type")).toContain("text/plain");
    await expect(text.json()).rejects.toThrow();
    const json = await getDetail();
    expect(json.status).toBe(500);
    expect(await json.json()).toMatchObject({ status: 500, message: "boom" });
  });

  it("malformed answers 200 with JSON that does not parse", async () => {
    await setFaults([{ kind: "malformed" }]);
    const res = await getDetail();
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  it("rejected answers success:false with CAN's message, detail and traceId", async () => {
    await setFaults([{ kind: "rejected", message: "metadata service busy" }]);
    const body = (await (await getDetail()).json()) as Envelope;
    expect(body).toMatchObject({ success: false, data: null, errorMsg: "metadata service busy" });
    expect(body.detailErrorMsg).toEqual(expect.any(String));
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("null-data answers success:true, code 200, data null and an errorMsg", async () => {
    await setFaults([{ kind: "null-data", message: "plan not found" }]);
    const body = (await (await getDetail()).json()) as Envelope;
    expect(body).toMatchObject({ success: true, code: "200", data: null, errorMsg: "plan not found" });
  });

  it("latency delays, then answers normally", async () => {
    await setFaults([{ kind: "latency", ms: 250 }]);
    const started = performance.now();
    const body = (await (await getDetail()).json()) as Envelope;
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(body.success).toBe(true);
  });

  it("hang outlasts the client's timeout without blocking other requests", async () => {
    await setFaults([{ kind: "hang", ms: 3_000, endpoint: "queryAccelerateResultPlan" }]);
    const timedOut = fetch(detailUrl(), { headers: authHeaders(ACME), signal: AbortSignal.timeout(150) });
    let hungAnswered = false;
    const hung = getDetail().then(async (res) => {
      hungAnswered = true;
      return (await res.json()) as Envelope;
    });
    // Another endpoint answers while the hang still holds its calls.
    expect((await partitionsPage(1)).status).toBe(200);
    expect(hungAnswered).toBe(false);
    await expect(timedOut).rejects.toThrow(/timeout|aborted/i);
    // Without a client timeout the hung call eventually answers normally.
    expect((await hung).success).toBe(true);
  });
});

describe("fault targeting", () => {
  it("fires on the Nth page of a list only", async () => {
    await setFaults([{ kind: "http", endpoint: "queryMtPartitionList", page: 2 }]);
    expect((await partitionsPage(1)).status).toBe(200);
    expect((await partitionsPage(2)).status).toBe(503);
    expect((await partitionsPage(3)).status).toBe(200);
  });

  it("fires on the named endpoint and tenant only", async () => {
    await setFaults([{ kind: "rejected", endpoint: "queryMtPartitionList", tenant: "acme" }]);
    expect(((await (await getDetail()).json()) as Envelope).success).toBe(true);
    expect(((await (await partitionsPage(1)).json()) as Envelope).success).toBe(false);
    const globex = await canGet<Envelope<PartitionBody>>(
      sb.url,
      "queryMtPartitionList",
      { uuid: UUID.shipmentsDaily, pageNumber: 1, pageSize: 5 },
      await globexHeaders(sb.url),
    );
    expect(globex.success).toBe(true);
  });

  it("fires for the named plan only (query uuid or body uuid)", async () => {
    await setFaults([{ kind: "rejected", uuid: UUID.ordersDaily, message: "orders down" }]);
    expect(((await (await partitionsPage(1)).json()) as Envelope).success).toBe(false);
    const other = await canGet<Envelope<PartitionBody>>(
      sb.url,
      "queryMtPartitionList",
      { uuid: UUID.revenueMonthly, pageNumber: 1, pageSize: 5 },
      authHeaders(ACME),
    );
    expect(other.success).toBe(true);
    const marked = await canPost<Envelope>(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [] }, authHeaders(ACME));
    expect(marked.success).toBe(false);
  });

  it("fires for the named plan only, on a mark body's uuid or a read's uuid parameter", async () => {
    await setFaults([{ kind: "rejected", endpoint: "updatePartition", uuid: UUID.clickstream10y, message: "one plan refused" }]);
    const mark = (uuid: string) =>
      canPost<Envelope>(sb.url, "updatePartition", { uuid, runType: "MANUAL", successTimeRange: [dayRange("2023-03-01")] }, authHeaders(ACME));
    const before = (await planState(sb.url, "acme", UUID.clickstream10y)).partitions["2023-03-01"];
    const refused = await mark(UUID.clickstream10y);
    expect(refused).toMatchObject({ success: false, errorMsg: "one plan refused" });
    expect((await mark(UUID.ordersDaily)).success).toBe(true);
    expect((await planState(sb.url, "acme", UUID.clickstream10y)).partitions["2023-03-01"]).toEqual(before);
    expect((await planState(sb.url, "acme", UUID.ordersDaily)).partitions["2023-03-01"]?.status).toBe("success");
    await setFaults([{ kind: "http", endpoint: "queryAccelerateResultPlan", uuid: UUID.clickstream10y }]);
    expect((await getDetail()).status).toBe(200);
    expect((await fetch(canUrl(sb.url, "queryAccelerateResultPlan", { uuid: UUID.clickstream10y }), { headers: authHeaders(ACME) })).status).toBe(503);
  });

  it("fires at most `times` times and reports the count", async () => {
    await setFaults([{ kind: "http", status: 502, times: 2 }]);
    expect((await getDetail()).status).toBe(502);
    expect((await getDetail()).status).toBe(502);
    expect((await getDetail()).status).toBe(200);
    const faults = await control<ArmedFault[]>(sb.url, "GET", "faults");
    expect(faults).toEqual([{ kind: "http", status: 502, times: 2, fired: 2 }]);
  });

  it("is cleared by DELETE", async () => {
    await setFaults([{ kind: "http" }]);
    await control(sb.url, "DELETE", "faults");
    expect((await getDetail()).status).toBe(200);
  });

  it("refuses an unknown kind or endpoint name", async () => {
    for (const bad of [[{ kind: "explode" }], [{ kind: "http", endpoint: "queryMtPartitonList" }], { kind: "http" }]) {
      const res = await fetch(`${sb.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify(bad) });
      expect(res.status).toBe(400);
    }
  });
});

describe("faulted mutations", () => {
  it.each(["rejected", "null-data", "http", "malformed", "reset"])("%s changes no state", async (kind) => {
    await setFaults([{ kind, endpoint: "updatePartition" }]);
    const before = await planState(sb.url, "acme", UUID.ordersDaily);
    const call = canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-11-01")] }, authHeaders(ACME));
    await call.catch(() => undefined);
    expect(await planState(sb.url, "acme", UUID.ordersDaily)).toEqual(before);
  });
});

describe("closing during a hang", () => {
  it("returns promptly and drops the hung request", async () => {
    const own = await startTestSandbox();
    await control(own.url, "POST", "faults", [{ kind: "hang" }]);
    const hung = fetch(canUrl(own.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }), { headers: authHeaders(ACME) });
    const settled = hung.then(
      () => "answered",
      () => "dropped",
    );
    // Wait until the sandbox has the request, so close() really races a pending hang.
    for (let i = 0; i < 100; i += 1) {
      const counts = await control<RequestCounts>(own.url, "GET", "requests");
      if (counts.total > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    // The hang never ends by itself: close() returning at all shows it did not wait for it.
    await own.close();
    expect(await settled).toBe("dropped");
  });
});

describe("reset during a hang", () => {
  it("drops a hung mutation so it never changes the reseeded state", async () => {
    await setFaults([{ kind: "hang", endpoint: "updatePartition", ms: 400 }]);
    const hung = canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2024-01-03")] }, authHeaders(ACME));
    const settled = hung.then(
      () => "answered",
      () => "dropped",
    );
    for (let i = 0; i < 100; i += 1) {
      const counts = await control<RequestCounts>(sb.url, "GET", "requests");
      if (counts.total > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await control(sb.url, "POST", "reset");
    const afterReset = await planState(sb.url, "acme", UUID.ordersDaily);
    expect(await settled).toBe("dropped");
    await new Promise((r) => setTimeout(r, 500));
    expect(await planState(sb.url, "acme", UUID.ordersDaily)).toEqual(afterReset);
    // The sandbox still serves hangs and everything else after a reset.
    expect((await getDetail()).status).toBe(200);
  });
});
