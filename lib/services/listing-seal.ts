import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Granularity, StatusRun } from "@/lib/partitions";

/**
 * A listing the server read (statuses as runs, when, and how far into the plan's audit rows) with
 * an HMAC over all of it. The page sends it back with a mark, so the mark can count the statuses
 * it changes from the server's own recent read instead of reading every page of CAN's list again
 * (docs/decisions/0008-marks-count-from-the-page-listing.md). The browser can hold it, not forge it.
 */
export type SealedListing = { readAt: string; throughSeq: number; runs: StatusRun[]; seal: string };

/** A listing older than this is read again from CAN before a mark. */
export const LISTING_REUSE_MS = 120_000;
/** Instances' clocks may differ a little: a listing "from the future" by more than this is refused. */
const CLOCK_SKEW_MS = 5_000;

type Scope = { tenantId: string; planUuid: string; granularity: Granularity };

function mac(key: Buffer, scope: Scope, l: Omit<SealedListing, "seal">): Buffer {
  const h = createHmac("sha256", key);
  // Every part is delimited, so no two different listings hash the same text.
  h.update(JSON.stringify(["listing-v1", scope.tenantId, scope.planUuid, scope.granularity, l.readAt, l.throughSeq, l.runs]));
  return h.digest();
}

/** The key is derived from the auth secret, so it is shared by every instance and used for nothing else. */
export const listingKey = (authSecret: string): Buffer => createHmac("sha256", authSecret).update("can-console listing seal").digest();

export function sealListing(key: Buffer, scope: Scope, l: Omit<SealedListing, "seal">): string {
  return mac(key, scope, l).toString("base64url");
}

export type ListingCheck = { ok: true; readAt: string } | { ok: false; why: "seal" | "age" };

/** Whether the listing is one this server sealed for this plan, recently enough to count from. */
export function checkListing(key: Buffer, scope: Scope, l: SealedListing, now: number): ListingCheck {
  const given = Buffer.from(l.seal, "base64url");
  const expected = mac(key, scope, l);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: "seal" };
  const age = now - Date.parse(l.readAt);
  if (!(age <= LISTING_REUSE_MS && age >= -CLOCK_SKEW_MS)) return { ok: false, why: "age" };
  return { ok: true, readAt: l.readAt };
}
