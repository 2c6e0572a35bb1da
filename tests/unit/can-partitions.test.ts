import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CanError } from "@/lib/can/errors";
import { mapBounded } from "@/lib/async/map-bounded";
import { listAllPartitions } from "@/lib/can/partitions";
import { json, startScriptedCan } from "../support/scripted-can";

let can: Awaited<ReturnType<typeof startScriptedCan>>;
beforeAll(async () => {
  can = await startScriptedCan();
});
afterAll(() => can.close());

const fast = { timeoutMs: 500, backoffMs: 5, concurrency: 3 };

/** A CAN-like list of `n` day values, newest first, serving at most `cap` per page. */
function serveDays(n: number, cap: number, opts: { spelling?: "paritionList" | "partitionList"; envelope?: boolean; withTotal?: boolean } = {}) {
  const values = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2025, 9, 31) - i * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  can.handle((r, res) => {
    const page = Number(r.query.get("pageNumber"));
    const size = Math.min(Number(r.query.get("pageSize")), cap);
    const items = values.slice((page - 1) * size, page * size).map((value) => ({ value, status: "SUCCESS", updateTime: "2025-11-01 08:00:00", rowCount: 7 }));
    const body = {
      hasData: true,
      isPartition: true,
      partition: {
        [opts.spelling ?? "paritionList"]: items,
        hasNext: page * size < n,
        ...(opts.withTotal === false ? {} : { total: n }),
        pageNumber: 50,
        pageSize: 1,
      },
    };
    json(res, opts.envelope === false ? body : { data: body, success: true, code: "200", errorMsg: null });
  });
  return values;
}

describe("listAllPartitions", () => {
  it("reads every page when CAN caps the page size below what we ask", async () => {
    const values = serveDays(250, 40);
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 100 });
    expect(listing.items?.map((i) => i.value)).toEqual(values);
    expect(listing.pagesFetched).toBe(7);
    expect(can.seen).toHaveLength(7);
    expect(new Set(can.seen.map((s) => s.query.get("pageSize")))).toEqual(new Set(["100"]));
  });

  it("reads the bare body and the corrected spelling", async () => {
    const values = serveDays(30, 10, { spelling: "partitionList", envelope: false });
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 10 });
    expect(listing.items?.map((i) => i.value)).toEqual(values);
  });

  it("keeps status and update time of each item, and drops fields it does not model", async () => {
    serveDays(3, 10);
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 10 });
    expect(listing.items?.[0]).toEqual({ value: "2025-10-31", status: "SUCCESS", updatedAt: "2025-11-01 08:00:00" });
  });

  it("walks on by hasNext when CAN sends no total", async () => {
    const values = serveDays(95, 20, { withTotal: false });
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 20 });
    expect(listing.items?.map((i) => i.value)).toEqual(values);
  });

  it("returns null items for a full-refresh table", async () => {
    can.handle((_r, res) => json(res, { data: { hasData: true, isPartition: false, partition: null }, success: true, code: "200" }));
    const listing = await listAllPartitions(can.tenant, "u", fast);
    expect(listing).toMatchObject({ hasData: true, isPartitioned: false, items: null });
  });

  it("fails as a whole when one page fails, never returning a partial list", async () => {
    let count = 0;
    can.handle((r, res) => {
      count++;
      if (r.query.get("pageNumber") === "4") json(res, { data: null, success: false, code: "500", errorMsg: "page 4 broke" });
      else {
        const page = Number(r.query.get("pageNumber"));
        json(res, {
          data: {
            hasData: true,
            isPartition: true,
            partition: { paritionList: [{ value: `2025-01-${String(page).padStart(2, "0")}` }], hasNext: page < 10, total: 10 },
          },
          success: true,
        });
      }
    });
    const e = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 1 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CanError);
    expect((e as CanError).details.errorMsg).toBe("page 4 broke");
    expect(count).toBeGreaterThanOrEqual(4);
  });
});

describe("listAllPartitions on a list that changes while it is read", () => {
  const day = (i: number) => new Date(Date.UTC(2025, 9, 31) - i * 86_400_000).toISOString().slice(0, 10);

  /** Serves `values()` newest first, 10 per page, with the total of the moment; `afterPage1` runs once page 1 is out. */
  function serveChanging(values: () => string[], afterPage1: () => void) {
    can.handle((r, res) => {
      const page = Number(r.query.get("pageNumber"));
      const all = values();
      const items = all.slice((page - 1) * 10, page * 10).map((value) => ({ value }));
      json(res, {
        data: { hasData: true, isPartition: true, partition: { paritionList: items, hasNext: page * 10 < all.length, total: all.length } },
        success: true,
        code: "200",
      });
      if (page === 1) afterPage1();
    });
  }

  it("reads again when a partition added mid-read shifts the pages, and returns the list as it then stands", async () => {
    const values = Array.from({ length: 30 }, (_, i) => day(i + 1));
    let added = false;
    serveChanging(
      () => values,
      () => {
        if (!added) values.unshift(day(0)); // the newest key lands on page 1 after page 1 was read
        added = true;
      },
    );
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, concurrency: 1, pageSize: 10 });
    expect(listing.items?.map((i) => i.value)).toEqual(Array.from({ length: 31 }, (_, i) => day(i)));
    expect(listing.total).toBe(31);
    expect(can.seen.filter((s) => s.query.get("pageNumber") === "1")).toHaveLength(2);
  });

  it("fails the read as unsettled when the list changes during every attempt, never returning a torn list", async () => {
    const values = Array.from({ length: 30 }, (_, i) => day(i + 100));
    let n = 0;
    serveChanging(
      () => values,
      () => values.unshift(day(99 - n++)),
    );
    const e = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 10 }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CanError);
    expect((e as CanError).kind).toBe("unsettled");
    expect(e instanceof CanError && e.message).toMatch(/kept changing/);
    expect(can.seen.filter((s) => s.query.get("pageNumber") === "1")).toHaveLength(3);
  });

  it("returns the last read marked unsettled when the caller accepts it (a mark's before-counts), after the same three attempts", async () => {
    const values = Array.from({ length: 30 }, (_, i) => day(i + 100));
    let n = 0;
    serveChanging(
      () => values,
      () => values.unshift(day(99 - n++)),
    );
    const listing = await listAllPartitions(can.tenant, "u", { ...fast, pageSize: 10, acceptUnsettled: true });
    expect(listing.settled).toBe(false);
    expect(listing.items?.length).toBeGreaterThan(0);
    expect(can.seen.filter((s) => s.query.get("pageNumber") === "1")).toHaveLength(3);
  });
});

describe("mapBounded", () => {
  it("never exceeds the limit and keeps order", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return n * 2;
    });
    expect(out).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });
});

describe("listAllPartitions' page reports (onPages)", () => {
  const day = (i: number) => new Date(Date.UTC(2025, 9, 31) - i * 86_400_000).toISOString().slice(0, 10);

  /** 45 days, 10 a page; page 2 answers only after pages 3 to 5 have been asked for and answered. */
  function servePage2Last() {
    const values = Array.from({ length: 45 }, (_, i) => day(i));
    let page2: (() => void) | null = null;
    let later = 0;
    can.handle((r, res) => {
      const page = Number(r.query.get("pageNumber"));
      const send = () =>
        json(res, {
          data: {
            hasData: true,
            isPartition: true,
            partition: { paritionList: values.slice((page - 1) * 10, page * 10).map((value) => ({ value })), hasNext: page < 5, total: 45 },
          },
          success: true,
          code: "200",
        });
      if (page === 2) page2 = send;
      else send();
      if (page > 2 && ++later === 3) page2?.();
    });
    return values;
  }

  it("reports the pages in a row from page 1 as they grow, holding back pages that arrive ahead of a missing one", async () => {
    const values = servePage2Last();
    const reports: { pages: string[][]; pageCount: number }[] = [];
    const listing = await listAllPartitions(can.tenant, "u", {
      ...fast,
      concurrency: 4,
      pageSize: 10,
      onPages: (pages, pageCount) => reports.push({ pages: pages.map((p) => p.map((i) => i.value)), pageCount }),
    });
    expect(listing.items?.map((i) => i.value)).toEqual(values);
    // Page 1 alone, then pages 1-5 at once when page 2 arrives last: never 1 and 3 without 2.
    expect(reports.map((r) => r.pages.length)).toEqual([1, 5]);
    expect(reports.every((r) => r.pageCount === 5)).toBe(true);
    expect(reports.at(-1)?.pages.flat()).toEqual(values);
  });

  it("hands each report its own copy, and starts again from page 1 on a torn read's second attempt", async () => {
    const values = Array.from({ length: 30 }, (_, i) => day(i + 1));
    let added = false;
    can.handle((r, res) => {
      const page = Number(r.query.get("pageNumber"));
      const items = values.slice((page - 1) * 10, page * 10).map((value) => ({ value }));
      json(res, {
        data: { hasData: true, isPartition: true, partition: { paritionList: items, hasNext: page * 10 < values.length, total: values.length } },
        success: true,
        code: "200",
      });
      if (page === 1 && !added) {
        values.unshift(day(0));
        added = true;
      }
    });
    const reports: (readonly (readonly unknown[])[])[] = [];
    await listAllPartitions(can.tenant, "u", { ...fast, concurrency: 1, pageSize: 10, onPages: (pages) => reports.push(pages) });
    // The first attempt walks on to a fourth page (the list grew under it), the second reads four.
    expect(reports.map((r) => r.length)).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    expect(reports[0]).toHaveLength(1);
  });
});
