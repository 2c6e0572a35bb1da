import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { stateFilePath } from "./state-store";
import { UUID, canGet, canPost, dayRange, planState, sandboxForFile, type Envelope, type PartitionBody } from "./test-support";

const sb = sandboxForFile({ reset: true });

const monthRange = (start: string, end = start) => ({ dateGranularity: "MONTH", startTime: `${start}-01T00:00:00`, endTime: `${end}-01T00:00:00` });
const SUCCESS = { data: "success", success: true, code: "200", errorMsg: null };

/** Snapshot of everything a refused call could have touched: the whole tenant view, each plan, the file. */
async function snapshot(): Promise<string> {
  const plans = await Promise.all(Object.values(UUID).map((uuid) => planState(sb.url, uuid === UUID.shipmentsDaily ? "globex" : "acme", uuid)));
  const file = await readFile(stateFilePath(sb.dataDir), "utf8");
  return JSON.stringify({ plans, file });
}

describe("refused mutations change nothing", () => {
  const update = "updatePartition";
  const clear = "clearPartition";
  it.each([
    ["unknown uuid", update, { uuid: "a".repeat(32), successTimeRange: [dayRange("2025-10-01")] }, /does not exist/],
    ["missing uuid", update, { successTimeRange: [dayRange("2025-10-01")] }, /^uuid is required$/],
    ["RESULT plan", update, { uuid: UUID.storeSalesResult, successTimeRange: [dayRange("2025-10-01")] }, /only EXTERNAL/],
    ["ACCELERATE plan", clear, { uuid: UUID.basketAccelerate, timeRange: [dayRange("2025-10-01")] }, /only EXTERNAL/],
    ["MONTH range on a DAY plan", update, { uuid: UUID.ordersDaily, successTimeRange: [monthRange("2025-10")] }, /dateGranularity/],
    ["DAY range on a MONTH plan", clear, { uuid: UUID.revenueMonthly, timeRange: [dayRange("2025-09-01")] }, /dateGranularity/],
    ["impossible date", update, { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-02-30")] }, /startTime/],
    [
      "garbage date",
      update,
      { uuid: UUID.ordersDaily, failedTimeRange: [{ dateGranularity: "DAY", startTime: "yesterday", endTime: "2025-10-01T00:00:00" }] },
      /failedTimeRange/,
    ],
    [
      "mid-month MONTH start",
      update,
      { uuid: UUID.revenueMonthly, successTimeRange: [{ dateGranularity: "MONTH", startTime: "2025-09-15T00:00:00", endTime: "2025-09-15T00:00:00" }] },
      /startTime/,
    ],
    ["end before start", update, { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-10-05", "2025-10-01")] }, /before/],
    ["end before start (clear)", clear, { uuid: UUID.ordersDaily, timeRange: [dayRange("2025-10-05", "2025-10-01")] }, /before/],
    [
      "same partition in both lists",
      update,
      { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-10-01", "2025-10-03")], failedTimeRange: [dayRange("2025-10-03")] },
      /both.*2025-10-03/,
    ],
    ["no ranges on a partitioned plan", update, { uuid: UUID.ordersDaily }, /partitioned/],
    ["empty ranges on a partitioned plan", update, { uuid: UUID.ordersDaily, successTimeRange: [], failedTimeRange: [] }, /partitioned/],
    ["no timeRange on a partitioned plan", clear, { uuid: UUID.ordersDaily }, /timeRange is required/],
    ["ranges on a full-refresh plan", update, { uuid: UUID.customerSnapshot, successTimeRange: [dayRange("2025-10-01")] }, /full-refresh/],
    [
      "a WEEK plan",
      update,
      { uuid: UUID.ordersWeekly, successTimeRange: [{ dateGranularity: "WEEK", startTime: "2025-10-13T00:00:00", endTime: "2025-10-13T00:00:00" }] },
      /WEEK/,
    ],
    ["runType other than MANUAL", update, { uuid: UUID.ordersDaily, runType: "AUTO", successTimeRange: [dayRange("2025-10-01")] }, /runType/],
    [
      "a valid list next to an invalid one",
      update,
      { uuid: UUID.ordersDaily, successTimeRange: [dayRange("2025-10-01")], failedTimeRange: [dayRange("2025-13-01")] },
      /failedTimeRange/,
    ],
    ["a range too large", update, { uuid: UUID.ordersDaily, successTimeRange: [dayRange("1900-01-01", "2025-01-01")] }, /at most/],
    ["the documented bare-array clear body", clear, [dayRange("2025-10-01")], /^uuid is required$/],
  ])("%s", async (_name, endpoint, body, message) => {
    const before = await snapshot();
    const res = await canPost<Envelope>(sb.url, endpoint, body);
    expect(res).toMatchObject({ success: false, data: null });
    expect(res.code).toMatch(/^4\d\d$/);
    expect(res.errorMsg).toMatch(message);
    expect(await snapshot()).toBe(before);
  });
});

describe("accepted mutations", () => {
  it("marks success and failed partitions and reports them in the list", async () => {
    const before = await planState(sb.url, "acme", UUID.ordersDaily);
    const res = await canPost(sb.url, "updatePartition", {
      uuid: UUID.ordersDaily,
      runType: "MANUAL",
      successTimeRange: [dayRange("2025-10-22"), dayRange("2025-10-24", "2025-10-25")],
      failedTimeRange: [dayRange("2025-10-23")],
    });
    expect(res).toMatchObject(SUCCESS);
    const after = await planState(sb.url, "acme", UUID.ordersDaily);
    expect(after.partitions["2025-10-22"]?.status).toBe("success");
    expect(after.partitions["2025-10-25"]?.status).toBe("success");
    expect(after.partitions["2025-10-23"]?.status).toBe("failed");
    expect(after.partitions["2025-10-23"]?.updateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Object.keys(after.partitions).length).toBe(Object.keys(before.partitions).length + 4);

    const list = await canGet<Envelope<PartitionBody>>(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 3 });
    expect(list.data.partition?.paritionList.map((i) => i.value)).toEqual(["2025-10-25", "2025-10-24", "2025-10-22"]);
  });

  it("turns a failed partition into a success", async () => {
    const state = await planState(sb.url, "acme", UUID.ordersDaily);
    const failed = Object.entries(state.partitions).find(([, r]) => r.status === "failed")?.[0];
    if (!failed) throw new Error("seed has no failed partition");
    expect(await canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange(failed)] })).toMatchObject(SUCCESS);
    expect((await planState(sb.url, "acme", UUID.ordersDaily)).partitions[failed]?.status).toBe("success");
  });

  it("marks MONTH partitions sent as the first day of the month", async () => {
    expect(await canPost(sb.url, "updatePartition", { uuid: UUID.revenueMonthly, failedTimeRange: [monthRange("2025-10", "2025-11")] })).toMatchObject(SUCCESS);
    const after = await planState(sb.url, "acme", UUID.revenueMonthly);
    expect(after.partitions["2025-10"]?.status).toBe("failed");
    expect(after.partitions["2025-11"]?.status).toBe("failed");
  });

  it("clears partitions, which then read as never run", async () => {
    expect(await canPost(sb.url, "clearPartition", { uuid: UUID.ordersDaily, timeRange: [dayRange("2025-10-15", "2025-10-21")] })).toMatchObject(SUCCESS);
    const after = await planState(sb.url, "acme", UUID.ordersDaily);
    for (const day of ["2025-10-15", "2025-10-18", "2025-10-21"]) expect(after.partitions[day]).toBeUndefined();
    expect(after.plan.hasData).toBe(true);
    const list = await canGet<Envelope<PartitionBody>>(sb.url, "queryMtPartitionList", { uuid: UUID.ordersDaily, pageNumber: 1, pageSize: 1 });
    expect(list.data.partition?.paritionList[0]?.value).toBe("2025-10-14");
  });

  it("reports hasData false once every partition is cleared", async () => {
    expect(await canPost(sb.url, "clearPartition", { uuid: UUID.revenueMonthly, timeRange: [monthRange("2000-01", "2030-12")] })).toMatchObject(SUCCESS);
    const list = await canGet<Envelope<PartitionBody>>(sb.url, "queryMtPartitionList", { uuid: UUID.revenueMonthly, pageNumber: 1, pageSize: 10 });
    expect(list.data).toMatchObject({ hasData: false, partition: { total: 0, paritionList: [] } });
  });

  it("marks and clears a full-refresh table without ranges", async () => {
    expect(await canPost(sb.url, "clearPartition", { uuid: UUID.customerSnapshot })).toMatchObject(SUCCESS);
    expect((await planState(sb.url, "acme", UUID.customerSnapshot)).plan).toMatchObject({ hasData: false, lastRefreshTime: null });
    expect(await canPost(sb.url, "updatePartition", { uuid: UUID.customerSnapshot, runType: "MANUAL" })).toMatchObject(SUCCESS);
    const after = await planState(sb.url, "acme", UUID.customerSnapshot);
    expect(after.plan.hasData).toBe(true);
    expect(after.plan.lastRefreshTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const list = await canGet<Envelope<PartitionBody>>(sb.url, "queryMtPartitionList", { uuid: UUID.customerSnapshot, pageNumber: 1, pageSize: 1 });
    expect(list.data).toEqual({ hasData: true, isPartition: false, partition: null });
  });

  it("applies concurrent marks one after another without losing any", async () => {
    const days = ["2025-11-01", "2025-11-02", "2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06"];
    const results = await Promise.all(days.map((d) => canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange(d)] })));
    expect(results.every((r) => r.success)).toBe(true);
    const after = await planState(sb.url, "acme", UUID.ordersDaily);
    for (const d of days) expect(after.partitions[d]?.status).toBe("success");
  });
});
