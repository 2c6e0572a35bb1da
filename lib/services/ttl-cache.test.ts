import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

/** A load the test finishes by hand, counting how often it was started. */
function deferredLoads<V>() {
  const pending: { resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  const load = () =>
    new Promise<V>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { load, pending };
}

describe("TtlCache", () => {
  it("shares a load in flight: the plans page's row and strip read a plan's details once", async () => {
    const cache = new TtlCache<string>(60_000);
    const { load, pending } = deferredLoads<string>();
    const row = cache.getOrLoad("acme\u0000p1", load);
    const strip = cache.getOrLoad("acme\u0000p1", load);
    expect(pending).toHaveLength(1);
    pending[0]?.resolve("details");
    expect(await Promise.all([row, strip])).toEqual(["details", "details"]);
    expect(await cache.getOrLoad("acme\u0000p1", load)).toBe("details");
    expect(pending).toHaveLength(1);
  });

  it("keeps no failed load: every caller of that load sees the failure, and the next caller loads again", async () => {
    const cache = new TtlCache<string>(60_000);
    const { load, pending } = deferredLoads<string>();
    const first = cache.getOrLoad("k", load);
    const second = cache.getOrLoad("k", load);
    pending[0]?.reject(new Error("CAN unreachable"));
    await expect(first).rejects.toThrow("CAN unreachable");
    await expect(second).rejects.toThrow("CAN unreachable");
    const third = cache.getOrLoad("k", load);
    expect(pending).toHaveLength(2);
    pending[1]?.resolve("details");
    expect(await third).toBe("details");
  });

  it("loads again once an entry has expired", async () => {
    const cache = new TtlCache<number>(0);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(await cache.getOrLoad("k", load)).toBe(2);
  });
});
