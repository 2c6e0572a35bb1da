import { describe, expect, it } from "vitest";
import { weekdayOf } from "./clock";
import {
  SEED_END,
  UUID,
  canGet,
  canPost,
  control,
  dayRange,
  planState,
  sandboxForFile,
  type Envelope,
  type PartitionBody,
  type PartitionItem,
} from "./test-support";

const sb = sandboxForFile({ reset: true });

const page = (uuid: string, pageNumber: number, pageSize: number) =>
  canGet<Envelope<PartitionBody>>(sb.url, "queryMtPartitionList", { uuid, pageNumber, pageSize });

/** Walks hasNext to the end, checking every page's bookkeeping on the way. */
async function walk(uuid: string, pageSize: number, expectedPageSize: number) {
  const items: PartitionItem[] = [];
  let total = -1;
  for (let n = 1; ; n += 1) {
    const body = await page(uuid, n, pageSize);
    expect(body.success).toBe(true);
    const partition = body.data.partition;
    if (!partition) throw new Error("expected a partitioned plan");
    expect(partition.pageNumber).toBe(n);
    expect(partition.pageSize).toBe(expectedPageSize);
    total = total < 0 ? partition.total : total;
    expect(partition.total).toBe(total);
    items.push(...partition.paritionList);
    expect(partition.hasNext).toBe(items.length < total);
    if (!partition.hasNext) break;
  }
  return { items, total };
}

describe("queryMtPartitionList", () => {
  it("walks 10 years of partitions newest first with pageSize capped at 100", async () => {
    const { items, total } = await walk(UUID.clickstream10y, 500, 100);
    const state = await planState(sb.url, "acme", UUID.clickstream10y);
    const successes = Object.entries(state.partitions)
      .filter(([, r]) => r.status === "success")
      .map(([k]) => k);
    expect(total).toBe(successes.length);
    expect(items).toHaveLength(successes.length);
    expect(total).toBeGreaterThan(3600);
    expect(items[0]).toEqual({ value: SEED_END });
    for (let i = 1; i < items.length; i += 1) expect((items[i - 1]?.value ?? "") > (items[i]?.value ?? "")).toBe(true);
    expect(new Set(items.map((i) => i.value))).toEqual(new Set(successes));
  });

  it("lists a mark and a clear made between two reads (the sorted list is kept per version of the partitions)", async () => {
    const before = await page(UUID.clickstream10y, 1, 3);
    expect(before.data.partition?.paritionList[0]).toEqual({ value: SEED_END });
    const cleared = await canPost(sb.url, "clearPartition", { uuid: UUID.clickstream10y, timeRange: [dayRange(SEED_END)] });
    expect(cleared).toMatchObject({ success: true });
    const after = await page(UUID.clickstream10y, 1, 3);
    expect(after.data.partition?.paritionList[0]?.value).not.toBe(SEED_END);
    expect(after.data.partition?.total).toBe((before.data.partition?.total ?? 0) - 1);
    const marked = await canPost(sb.url, "updatePartition", { uuid: UUID.clickstream10y, runType: "MANUAL", successTimeRange: [dayRange(SEED_END)] });
    expect(marked).toMatchObject({ success: true });
    const again = await page(UUID.clickstream10y, 1, 3);
    expect(again.data.partition?.paritionList[0]).toEqual({ value: SEED_END });
    expect(again.data.partition?.total).toBe(before.data.partition?.total);
  });

  it("honours a lower maxPageSize set at runtime", async () => {
    await control(sb.url, "POST", "config", { maxPageSize: 7 });
    const { items, total } = await walk(UUID.revenueMonthly, 50, 7);
    expect(items).toHaveLength(total);
  });

  it("lists oldest first when listOrder asks for the other reading of CAN's order", async () => {
    const newestFirst = await walk(UUID.revenueMonthly, 100, 100);
    await control(sb.url, "POST", "config", { listOrder: "oldest-first" });
    const oldestFirst = await walk(UUID.revenueMonthly, 100, 100);
    expect(oldestFirst.items.map((i) => i.value)).toEqual(newestFirst.items.map((i) => i.value).reverse());
    expect(oldestFirst.items.length).toBeGreaterThan(1);
  });

  it("lists documented items as { value } and successes only", async () => {
    const state = await planState(sb.url, "acme", UUID.ordersDaily);
    const failed = Object.entries(state.partitions)
      .filter(([, r]) => r.status === "failed")
      .map(([k]) => k);
    expect(failed.length).toBeGreaterThan(0);
    const { items } = await walk(UUID.ordersDaily, 100, 100);
    expect(items.every((i) => Object.keys(i).join() === "value")).toBe(true);
    const values = new Set(items.map((i) => i.value));
    for (const key of failed) expect(values.has(key)).toBe(false);
  });

  it("lists failed partitions with status and updateTime in the detailed shape", async () => {
    await control(sb.url, "POST", "config", { shape: "detailed" });
    const state = await planState(sb.url, "acme", UUID.ordersDaily);
    const { items, total } = await walk(UUID.ordersDaily, 100, 100);
    expect(total).toBe(Object.keys(state.partitions).length);
    for (const item of items) {
      const record = state.partitions[item.value];
      expect(item.status).toBe(record?.status === "success" ? "SUCCESS" : "FAILED");
      expect(item.updateTime).toBe(record?.updateTime);
      expect(item.updateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(items.some((i) => i.status === "FAILED")).toBe(true);
  });

  it("uses YYYY-MM values for MONTH plans and Mondays for WEEK plans", async () => {
    const month = await page(UUID.revenueMonthly, 1, 3);
    expect(month.data.partition?.paritionList[0]?.value).toBe("2025-09");
    expect(month.data.partition?.paritionList.every((i) => /^\d{4}-\d{2}$/.test(i.value))).toBe(true);
    const week = await page(UUID.ordersWeekly, 1, 100);
    const values = week.data.partition?.paritionList.map((i) => i.value) ?? [];
    expect(values.length).toBeGreaterThan(50);
    expect(values.every((v) => weekdayOf(v) === 1)).toBe(true);
  });

  it("answers isPartition:false, partition:null for a full-refresh table", async () => {
    const body = await page(UUID.customerSnapshot, 1, 10);
    expect(body.data).toEqual({ hasData: true, isPartition: false, partition: null });
  });

  it("lists partitions of read-only plan types too", async () => {
    const body = await page(UUID.basketAccelerate, 1, 10);
    expect(body.data.partition?.paritionList).toHaveLength(10);
  });

  it("returns an empty page past the end", async () => {
    const body = await page(UUID.revenueMonthly, 99, 10);
    expect(body.data.partition).toMatchObject({ paritionList: [], hasNext: false, pageNumber: 99 });
  });

  it.each([
    [{ pageNumber: 1, pageSize: 10 }, "uuid"],
    [{ uuid: UUID.ordersDaily, pageSize: 10 }, "pageNumber"],
    [{ uuid: UUID.ordersDaily, pageNumber: 1 }, "pageSize"],
    [{ uuid: UUID.ordersDaily, pageNumber: 0, pageSize: 10 }, "pageNumber"],
    [{ uuid: UUID.ordersDaily, pageNumber: "two", pageSize: 10 }, "pageNumber"],
    [{ uuid: UUID.ordersDaily, pageNumber: 1, pageSize: -5 }, "pageSize"],
  ])("refuses %j (names %s)", async (query, field) => {
    const body = await canGet<Envelope>(sb.url, "queryMtPartitionList", query);
    expect(body).toMatchObject({ success: false, code: "400", data: null });
    expect(body.errorMsg).toContain(field);
  });

  it("answers bare when readEnvelope is bare", async () => {
    await control(sb.url, "POST", "config", { readEnvelope: "bare" });
    const body = await canGet<PartitionBody & { success?: unknown }>(sb.url, "queryMtPartitionList", {
      uuid: UUID.revenueMonthly,
      pageNumber: 1,
      pageSize: 2,
    });
    expect(body.success).toBeUndefined();
    expect(body).toMatchObject({ hasData: true, isPartition: true, partition: { total: expect.any(Number) } });
  });
});
