import { describe, expect, it } from "vitest";
import { ACME, globexHeaders, UUID, authHeaders, canGet, canPost, canUrl, control, sandboxForFile, type Envelope } from "./test-support";

type PlanItem = { id: string; name: string; displayName: string; materializeType: string };
type PlanList = Envelope<PlanItem[]> & { hasNext: boolean; total: number; pageNumber: number; pageSize: number };
type TenantState = { plans: { uuid: string; name: string; materializeType: string }[] };

const sb = sandboxForFile({ reset: true });

const listPage = (pageNumber: number, pageSize: number, extra: Record<string, unknown> = {}, headers = authHeaders(ACME)) =>
  canPost<PlanList>(sb.url, "queryAccelerateResultPlanList", { ...extra, pager: { pageNumber, pageSize } }, headers);

describe("queryAccelerateResultPlanList", () => {
  it("pages through every plan with paging fields beside data", async () => {
    const expected = await control<TenantState>(sb.url, "GET", "state?tenant=acme");
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const body = await listPage(page, 2);
      expect(body).toMatchObject({ success: true, code: "200", errorMsg: null, total: expected.plans.length, pageNumber: page, pageSize: 2 });
      seen.push(...body.data.map((p) => p.id));
      expect(body.hasNext).toBe(seen.length < expected.plans.length);
      if (!body.hasNext) break;
    }
    expect(seen).toEqual(expected.plans.map((p) => p.uuid));
  });

  it("filters by materializeType and keeps tenants apart", async () => {
    const external = await listPage(1, 50, { materializeType: "EXTERNAL" });
    expect(external.data.length).toBe(6);
    expect(external.data.every((p) => p.materializeType === "EXTERNAL")).toBe(true);
    const result = await listPage(1, 50, { materializeType: "RESULT" });
    expect(result.data.map((p) => p.name)).toEqual(["store_sales_result"]);
    const globex = await listPage(1, 50, {}, await globexHeaders(sb.url));
    expect(globex.data.map((p) => p.name)).toContain("shipments_daily");
    expect(globex.data.map((p) => p.name)).not.toContain("orders_daily");
  });

  it("caps pageSize at the configured maximum and reports the capped size", async () => {
    await control(sb.url, "POST", "config", { maxPageSize: 3 });
    const body = await listPage(1, 20);
    expect(body.pageSize).toBe(3);
    expect(body.data).toHaveLength(3);
    expect(body.hasNext).toBe(true);
  });

  it("refuses a missing pager or an unknown materializeType", async () => {
    const noPager = await canPost<Envelope>(sb.url, "queryAccelerateResultPlanList", {});
    expect(noPager).toMatchObject({ success: false, code: "400", data: null });
    expect(noPager.errorMsg).toContain("pager");
    const badType = await listPage(1, 5, { materializeType: "VIRTUAL" });
    expect(badType.success).toBe(false);
  });
});

describe("queryAccelerateResultPlan", () => {
  it("returns the full configuration in the envelope", async () => {
    const body = await canGet<Envelope<Record<string, unknown>>>(sb.url, "queryAccelerateResultPlan", { uuid: UUID.revenueMonthly });
    expect(body.success).toBe(true);
    expect(body.data).toMatchObject({
      id: UUID.revenueMonthly,
      name: "revenue_monthly",
      materializeType: "EXTERNAL",
      metricTimeGranularity: "MONTH",
      tablePath: { tableCatalog: expect.any(String), tableSchema: expect.any(String), tableName: "revenue_monthly" },
      refreshConfig: { cron: expect.any(String), isFullRefresh: false, updateLowerInterval: expect.any(Number), updateUpperInterval: -1 },
    });
    for (const key of ["displayName", "metricEntityList", "mtConfig", "metricList", "dimensionList", "timeConstraint", "dimensionFilters"]) {
      expect(body.data).toHaveProperty(key);
    }
  });

  it("answers bare when readEnvelope is bare", async () => {
    await control(sb.url, "POST", "config", { readEnvelope: "bare" });
    const body = await canGet<Record<string, unknown>>(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily });
    expect(body.id).toBe(UUID.ordersDaily);
    expect(body).not.toHaveProperty("success");
    // POST list keeps its documented envelope in either mode.
    expect((await listPage(1, 2)).success).toBe(true);
    const missing = await canGet<Envelope>(sb.url, "queryAccelerateResultPlan", { uuid: "f".repeat(32) });
    expect(missing).toMatchObject({ success: false, code: "404" });
  });

  it("refuses a missing uuid", async () => {
    const body = await canGet<Envelope>(sb.url, "queryAccelerateResultPlan", {});
    expect(body).toMatchObject({ success: false, code: "400", errorMsg: "uuid is required" });
  });
});

describe("queryReferenceScript", () => {
  type Script = {
    referenceSchedule: Record<string, unknown>;
    sqlScripts: Record<string, { ddl: Record<string, { sql: string }[]>; dml: Record<string, { sql: string }[]> }>;
  };

  it("returns the schedule and SQL keyed by table name", async () => {
    const body = await canGet<Envelope<Script>>(sb.url, "queryReferenceScript", { uuid: UUID.ordersDaily });
    expect(body.data.referenceSchedule).toEqual({
      cron: "0 0 2 * * ?",
      granularity: "DAY",
      updateUpperInterval: -1,
      updateLowerInterval: -5,
      isFullRefresh: false,
    });
    const scripts = body.data.sqlScripts.orders_daily;
    expect(scripts?.ddl.create_table?.[0]?.sql).toMatch(/^CREATE TABLE IF NOT EXISTS `default_catalog`\.`mt_acme`\.`orders_daily`/);
    expect(scripts?.ddl.create_table?.[0]?.sql).toContain("PARTITION BY RANGE(`metric_time`)");
    expect(scripts?.ddl.add_partition).toHaveLength(1);
    expect(scripts?.ddl.drop_table?.[0]?.sql).toContain("DROP TABLE");
    expect(scripts?.dml.insert_overwrite?.[0]?.sql).toContain("SUM(src.`order_amount`)");
  });

  it("has no partition DDL for a full-refresh table and refuses non-EXTERNAL plans", async () => {
    const full = await canGet<Envelope<Script>>(sb.url, "queryReferenceScript", { uuid: UUID.customerSnapshot });
    expect(full.data.referenceSchedule.isFullRefresh).toBe(true);
    expect(full.data.sqlScripts.customer_snapshot?.ddl.add_partition).toEqual([]);
    const result = await canGet<Envelope>(sb.url, "queryReferenceScript", { uuid: UUID.storeSalesResult });
    expect(result).toMatchObject({ success: false, data: null });
    expect(result.errorMsg).toContain("EXTERNAL");
  });
});

describe("wire details", () => {
  it("accepts any version segment", async () => {
    const res = await fetch(canUrl(sb.url, "queryAccelerateResultPlan", { uuid: UUID.ordersDaily }).replace("/v1/", "/v2/"), {
      headers: authHeaders(ACME),
    });
    expect(((await res.json()) as Envelope).success).toBe(true);
  });

  it("answers an unknown endpoint with HTTP 404 and the envelope", async () => {
    const res = await fetch(canUrl(sb.url, "transform"), { method: "POST", headers: authHeaders(ACME), body: "{}" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, code: "404", data: null });
    expect((await fetch(`${sb.url}/nothing/here`)).status).toBe(404);
  });

  it("refuses a body that is not JSON with code 400, and a wrong method with 405", async () => {
    const res = await fetch(canUrl(sb.url, "queryAccelerateResultPlanList"), { method: "POST", headers: authHeaders(ACME), body: "{pager:" });
    expect(await res.json()).toMatchObject({ success: false, code: "400", errorMsg: "request body is not valid JSON" });
    const get = await fetch(canUrl(sb.url, "updatePartition"), { headers: authHeaders(ACME) });
    expect(get.status).toBe(405);
  });
});
