import { beforeEach, describe, expect, it } from "vitest";
import type { PartitionListing } from "@/lib/can/types";
import { FRESH_MIN_AGE_MS, forgetSharedListingsForTests, sharedListing } from "./shared-listing";

const plan = { tenantId: "acme", planUuid: "p1" };
const listing = (n: number): PartitionListing => ({
  hasData: true,
  isPartitioned: true,
  items: [{ value: `2026-10-${String(n).padStart(2, "0")}` }],
  total: 1,
  pagesFetched: 1,
});

/** A reader that counts its calls and answers when told. */
function reader() {
  let calls = 0;
  const pending: { resolve: (l: PartitionListing) => void; reject: (e: Error) => void }[] = [];
  const read = () => {
    calls++;
    return new Promise<PartitionListing>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { read, calls: () => calls, answer: (l: PartitionListing) => pending.shift()?.resolve(l), fail: (e: Error) => pending.shift()?.reject(e) };
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
});
