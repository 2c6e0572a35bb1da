import { beforeEach, describe, expect, it } from "vitest";
import type { PartitionListing } from "@/lib/can/types";
import type { ListingProgress } from "./listing-progress";
import { FRESH_MIN_AGE_MS, forgetSharedListingsForTests, sharedListing, type ListingRead } from "./shared-listing";

const plan = { tenantId: "acme", planUuid: "p1" };
const listing = (n: number): PartitionListing => ({
  hasData: true,
  isPartitioned: true,
  items: [{ value: `2026-10-${String(n).padStart(2, "0")}` }],
  total: 1,
  pagesFetched: 1,
});

/** A reader that counts its calls and answers when told; `pages` reports pages of its latest read. */
function reader() {
  let calls = 0;
  const pending: { resolve: (l: PartitionListing) => void; reject: (e: Error) => void }[] = [];
  let report: Parameters<ListingRead>[0] = () => undefined;
  const read: ListingRead = (onPages) => {
    calls++;
    report = onPages;
    return new Promise<PartitionListing>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return {
    read,
    calls: () => calls,
    answer: (l: PartitionListing) => pending.shift()?.resolve(l),
    fail: (e: Error) => pending.shift()?.reject(e),
    pages: (n: number) =>
      report(
        Array.from({ length: n }, (_, i) => [{ value: `v${i}` }]),
        9,
      ),
  };
}

beforeEach(() => forgetSharedListingsForTests());

describe("sharedListing", () => {
  it("gives twenty requests at once one read of CAN", async () => {
    const r = reader();
    const reads = Array.from({ length: 20 }, () => sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 }));
    r.answer(listing(1));
    const got = await Promise.all(reads);
    expect(r.calls()).toBe(1);
    expect(new Set(got.map((g) => g.listing)).size).toBe(1);
    expect(got[0]?.startedAt.getTime()).toBe(1_000);
  });

  it("reuses a finished read within the window only, and says when it was read", async () => {
    const r = reader();
    const first = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 });
    r.answer(listing(1));
    await first;
    expect((await sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 10_999 })).startedAt.getTime()).toBe(1_000);
    expect(r.calls()).toBe(1);
    const later = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 11_000 });
    r.answer(listing(2));
    expect((await later).listing).toEqual(listing(2));
    expect(r.calls()).toBe(2);
  });

  it("never reuses a read once a mark of the plan has been recorded since it started", async () => {
    const r = reader();
    const first = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 });
    r.answer(listing(1));
    await first;
    const afterMark = sharedListing(plan, r.read, { position: 6, ttlMs: 10_000, nowMs: 1_001 });
    r.answer(listing(2));
    expect((await afterMark).listing).toEqual(listing(2));
    expect(r.calls()).toBe(2);
  });

  it("keeps plans and tenants apart", async () => {
    const r = reader();
    const a = sharedListing(plan, r.read, { position: 1, ttlMs: 10_000, nowMs: 0 });
    const b = sharedListing({ tenantId: "acme", planUuid: "p2" }, r.read, { position: 1, ttlMs: 10_000, nowMs: 0 });
    const c = sharedListing({ tenantId: "globex", planUuid: "p1" }, r.read, { position: 1, ttlMs: 10_000, nowMs: 0 });
    expect(r.calls()).toBe(3);
    r.answer(listing(1));
    r.answer(listing(2));
    r.answer(listing(3));
    await Promise.all([a, b, c]);
  });

  it("reads anew on Reload, unless the read held is younger than the Reload limit", async () => {
    const r = reader();
    const first = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 });
    r.answer(listing(1));
    await first;
    await sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 + FRESH_MIN_AGE_MS - 1, fresh: true });
    expect(r.calls()).toBe(1);
    const reloaded = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 + FRESH_MIN_AGE_MS, fresh: true });
    r.answer(listing(2));
    expect((await reloaded).listing).toEqual(listing(2));
    expect(r.calls()).toBe(2);
    // The new read is the one shared from then on.
    expect((await sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1_000 + FRESH_MIN_AGE_MS + 1 })).listing).toEqual(listing(2));
  });

  it("gives a failure to everyone who waited on it and keeps none of it", async () => {
    const r = reader();
    const waiting = [1, 2, 3].map(() => sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 0 }));
    r.fail(new Error("CAN refused"));
    for (const w of waiting) await expect(w).rejects.toThrow("CAN refused");
    const next = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1 });
    r.answer(listing(1));
    expect((await next).listing).toEqual(listing(1));
    expect(r.calls()).toBe(2);
  });

  it("with no window (0 s) shares only a read still in flight", async () => {
    const r = reader();
    const a = sharedListing(plan, r.read, { position: 5, ttlMs: 0, nowMs: 0 });
    const b = sharedListing(plan, r.read, { position: 5, ttlMs: 0, nowMs: 0 });
    r.answer(listing(1));
    await Promise.all([a, b]);
    const c = sharedListing(plan, r.read, { position: 5, ttlMs: 0, nowMs: 0 });
    r.answer(listing(2));
    expect((await c).listing).toEqual(listing(2));
    expect(r.calls()).toBe(2);
  });

  it("shows every request sharing a read its pages as they arrive, and ends their waits with the read", async () => {
    const r = reader();
    const seen: ListingProgress[] = [];
    const onProgress = (p: ListingProgress) => seen.push(p);
    const first = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 0, onProgress });
    r.pages(1);
    // A request joining the read in flight gets the same progress, pages already read included.
    const joined = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 1, onProgress });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    const now = seen[1]?.when(() => "take");
    const three = seen[1]?.when((p) => (p.pages.length >= 3 ? "take" : "wait"));
    const never = seen[1]?.when((p) => (p.pages.length >= 5 ? "take" : "wait"));
    expect((await now)?.pages).toHaveLength(1);
    r.pages(3);
    expect((await three)?.pages).toHaveLength(3);
    r.answer(listing(1));
    await Promise.all([first, joined]);
    expect(await never).toBeNull();
    expect(r.calls()).toBe(1);
  });

  it("ends the waits of a read that fails", async () => {
    const r = reader();
    let progress: ListingProgress | null = null;
    const failing = sharedListing(plan, r.read, { position: 5, ttlMs: 10_000, nowMs: 0, onProgress: (p) => (progress = p) });
    const waiting = (progress as ListingProgress | null)?.when(() => "wait");
    r.fail(new Error("CAN down"));
    await expect(failing).rejects.toThrow("CAN down");
    expect(await waiting).toBeNull();
  });
});
