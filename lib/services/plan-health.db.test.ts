import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addKeys, todayKeyInZone } from "@/lib/partitions";
import { withTestDb } from "@/tests/support/test-db";
import { answerPlanRead, json, startScriptedCan } from "@/tests/support/scripted-can";
import { getPlanHealth, getPlansHealth } from "./plan-health";
import { getPlansPage } from "./plans";
import { serverZone } from "./server-today";

// The strip's reads against a real HTTP server scripted per test and a real database: how many
// pages of CAN's list it reads for the window, and what it makes of them.

withTestDb();
let can: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
});
afterAll(() => can.close());

const NOW = new Date("2026-03-01T12:00:00Z");
const TODAY = todayKeyInZone(NOW, serverZone(), "DAY");
const Y = addKeys(TODAY, -1, "DAY");
let planSeq = 0;

/** A DAY plan whose list holds `values` (in the order given), `cap` per page; `failing` plans answer the list with an error. */
function serve(values: string[], cap: number, failing: readonly string[] = []) {
  can.handle((r, res) => {
    const uuid = r.query.get("uuid") ?? "";
    if (r.path.endsWith("queryAccelerateResultPlan")) {
      json(res, {
        data: {
          id: uuid,
          name: `p_${uuid}`,
          materializeType: "EXTERNAL",
          metricTimeGranularity: "DAY",
          refreshConfig: { isFullRefresh: false, updateUpperInterval: -1 },
        },
        success: true,
        code: "200",
        errorMsg: null,
      });
      return;
    }
    if (failing.includes(uuid)) {
      json(res, { data: null, success: false, code: "500", errorMsg: `list of ${uuid} is down` });
      return;
    }
    const page = Number(r.query.get("pageNumber"));
    const items = values.slice((page - 1) * cap, page * cap).map((value) => ({ value }));
    json(res, {
      data: { hasData: true, isPartition: true, partition: { paritionList: items, hasNext: page * cap < values.length, total: values.length } },
      success: true,
      code: "200",
      errorMsg: null,
    });
  });
}

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addKeys(from, -i, "DAY"));
const listCalls = () => can.seen.filter((s) => s.path.endsWith("queryMtPartitionList")).map((s) => Number(s.query.get("pageNumber")));
const uuid = () => `plan${++planSeq}`;

describe("plan health reads", () => {
  it("reads only the first page when it reaches past the window (newest first)", async () => {
    serve(days(Y, 200), 40);
    const h = await getPlanHealth(can.tenant, uuid(), NOW);
    expect(listCalls()).toEqual([1]);
    expect(h).toMatchObject({ kind: "grid", lateBy: 0, latestSuccess: Y, expected: Y, attention: false });
    if (h.kind === "grid") expect(h.cells).toHaveLength(30);
    // The plans table's two columns come from this read: the table makes none of its own.
    expect(h).toMatchObject({ partitionCount: 200, latestPartition: Y });
  });

  it("reads a second page when the first ends inside the window", async () => {
    serve(days(Y, 200), 20);
    const h = await getPlanHealth(can.tenant, uuid(), NOW);
    expect(listCalls()).toEqual([1, 2]);
    expect(h).toMatchObject({ kind: "grid", counts: { failed: 0, missing: 0, unknown: 0 } });
  });

  it("reads the whole list when the pages are not newest first, and finds the gap and the lateness", async () => {
    const newestFirst = days(addKeys(Y, -4, "DAY"), 120).filter((k) => k !== addKeys(Y, -10, "DAY"));
    serve([...newestFirst].reverse(), 40);
    const h = await getPlanHealth(can.tenant, uuid(), NOW);
    // Page 1 proved nothing; the whole read starts again from it, so its pages are one read (torn reads are checked there).
    expect(listCalls()).toEqual([1, 1, 2, 3]);
    expect(h).toMatchObject({ partitionCount: 119 });
    expect(h).toMatchObject({ kind: "grid", lateBy: 4, latestSuccess: addKeys(Y, -4, "DAY"), counts: { missing: 5 }, attention: true });
    if (h.kind === "grid") expect(h.cells.filter((c) => c.status === "missing").map((c) => c.key)).toContain(addKeys(Y, -10, "DAY"));
  });

  it("leaves days before a fully read plan's first partition blank, as the calendar does", async () => {
    serve(days(Y, 5), 40);
    const h = await getPlanHealth(can.tenant, uuid(), NOW);
    if (h.kind !== "grid") throw new Error(h.kind);
    expect(h.cells.filter((c) => c.status === null)).toHaveLength(25);
    expect(h.cells.filter((c) => c.status === "success")).toHaveLength(5);
  });

  it("gives one failing plan its own error and the others their strips", async () => {
    const [a, b] = [uuid(), uuid()];
    serve(days(Y, 60), 100, [b]);
    const all = await getPlansHealth(can.tenant, [a, b], NOW);
    expect(all[a]).toMatchObject({ kind: "grid", lateBy: 0 });
    expect(all[b]).toEqual({ kind: "error", problem: expect.stringContaining(`list of ${b} is down`) });
  });
});

describe("the plans table and the strips share one read", () => {
  it("an EXTERNAL DAY plan's row reads no partition page of its own; its strip's read gives its count and latest partition", async () => {
    const ext = uuid();
    const res = uuid();
    can.handle((r, out) => {
      const id = r.query.get("uuid") ?? "";
      if (r.path.endsWith("queryAccelerateResultPlanList")) {
        const data = [
          { id: ext, name: `p_${ext}`, materializeType: "EXTERNAL" },
          { id: res, name: `p_${res}`, materializeType: "RESULT" },
        ];
        json(out, { data, hasNext: false, total: 2, success: true, code: "200", errorMsg: null });
        return;
      }
      if (answerPlanRead(r, out, id === ext ? "EXTERNAL" : "RESULT")) return;
      const items = days(Y, 50).map((value) => ({ value }));
      json(out, {
        data: { hasData: true, isPartition: true, partition: { paritionList: items, hasNext: false, total: 50 } },
        success: true,
        code: "200",
        errorMsg: null,
      });
    });
    const page = await getPlansPage(can.tenant, { page: 1 });
    const listedFor = () => can.seen.filter((s) => s.path.endsWith("queryMtPartitionList")).map((s) => s.query.get("uuid"));
    expect(listedFor()).toEqual([res]);
    expect(page.items.find((p) => p.uuid === ext)).toMatchObject({ partitionsFromHealth: true, partitionCount: null });
    expect(page.items.find((p) => p.uuid === res)).toMatchObject({ partitionCount: 50, latestPartition: Y });

    const health = await getPlansHealth(can.tenant, [ext], NOW);
    expect(health[ext]).toMatchObject({ kind: "grid", partitionCount: 50, latestPartition: Y });
    expect(listedFor()).toEqual([res, ext]);
  });
});
