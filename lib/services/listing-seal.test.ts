import { describe, expect, it } from "vitest";
import type { StatusRun } from "@/lib/partitions";
import { LISTING_REUSE_MS, checkListing, listingKey, sealListing } from "./listing-seal";

const key = listingKey("a-test-secret-that-is-long-enough-0123");
const scope = { tenantId: "acme", planUuid: "p1", granularity: "DAY" as const };
const runs: StatusRun[] = [
  ["2025-01-01", "2025-03-31", "success"],
  ["2025-04-01", "2025-04-01", "failed"],
];
const readAt = "2026-11-24T10:00:00.000Z";
const now = Date.parse(readAt) + 30_000;
const sealed = (over: Partial<{ readAt: string; throughSeq: number; runs: StatusRun[] }> = {}) => {
  const l = { readAt, throughSeq: 7, runs, ...over };
  return { ...l, seal: sealListing(key, scope, l) };
};

describe("listing seal", () => {
  it("accepts its own recent listing for the same plan", () => {
    expect(sealed().seal).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(checkListing(key, scope, sealed(), now)).toEqual({ ok: true, readAt });
  });

  it("refuses a listing whose runs, read time or audit position were changed", () => {
    const l = sealed();
    expect(checkListing(key, scope, { ...l, runs: [["2025-01-01", "2025-03-31", "missing"], l.runs[1]!] }, now)).toEqual({ ok: false, why: "seal" });
    expect(checkListing(key, scope, { ...l, runs: l.runs.slice(1) }, now)).toEqual({ ok: false, why: "seal" });
    expect(checkListing(key, scope, { ...l, readAt: "2026-11-24T10:00:20.000Z" }, now)).toEqual({ ok: false, why: "seal" });
    expect(checkListing(key, scope, { ...l, throughSeq: 8 }, now)).toEqual({ ok: false, why: "seal" });
  });

  it("refuses a listing sealed for another tenant, plan or granularity, or with another key", () => {
    const l = sealed();
    expect(checkListing(key, { ...scope, tenantId: "globex" }, l, now).ok).toBe(false);
    expect(checkListing(key, { ...scope, planUuid: "p2" }, l, now).ok).toBe(false);
    expect(checkListing(key, { ...scope, granularity: "MONTH" }, l, now).ok).toBe(false);
    expect(checkListing(listingKey("another-secret-that-is-long-enough-xyz"), scope, l, now).ok).toBe(false);
  });

  it("refuses a seal of the wrong length or alphabet without throwing", () => {
    expect(checkListing(key, scope, { ...sealed(), seal: "AAAA" }, now)).toEqual({ ok: false, why: "seal" });
    expect(checkListing(key, scope, { ...sealed(), seal: "!".repeat(43) }, now)).toEqual({ ok: false, why: "seal" });
  });

  it("refuses a listing older than the reuse window, or from too far in the future", () => {
    const l = sealed();
    expect(checkListing(key, scope, l, Date.parse(readAt) + LISTING_REUSE_MS).ok).toBe(true);
    expect(checkListing(key, scope, l, Date.parse(readAt) + LISTING_REUSE_MS + 1)).toEqual({ ok: false, why: "age" });
    expect(checkListing(key, scope, l, Date.parse(readAt) - 4_000).ok).toBe(true);
    expect(checkListing(key, scope, l, Date.parse(readAt) - 6_000)).toEqual({ ok: false, why: "age" });
  });
});
