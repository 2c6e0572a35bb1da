import "server-only";
import type { ListAllOptions } from "@/lib/can/partitions";
import type { PartitionListing } from "@/lib/can/types";
import { processGlobal } from "@/lib/process-global";
import { createListingProgress, type ListingProgress, type ListingProgressSource } from "./listing-progress";

// A plan's partition list read once and shared: twenty people opening one plan, and every open
// page's background refresh, would each read every page from CAN (37 calls for a 10-year DAY plan).
// Per instance, one read per plan at a time (single flight), reused by requests within a short
// window, and never reused once a mark of that plan has been recorded by any instance since the read
// started (the plan's audit position, which lives in the database). A read that fails is not kept.
// Its pages are reported as they arrive to every request that shares it (`onProgress`).

export type SharedRead = { listing: PartitionListing; startedAt: Date };

type Entry = { read: Promise<SharedRead>; startedAtMs: number; position: number; done: boolean; progress: ListingProgressSource };

/** The read itself; `onPages` is handed to listAllPartitions so the shared read's progress follows it. */
export type ListingRead = (onPages: NonNullable<ListAllOptions["onPages"]>) => Promise<PartitionListing>;

const entries = processGlobal<Map<string, Entry>>("shared-listings", () => new Map());

/** Reload asks for a new read; one already younger than this is the answer instead (Reload pressed twenty times is one read). */
export const FRESH_MIN_AGE_MS = 2_000;

export type ShareOptions = {
  /** The plan's audit position (planMarksThrough) taken before this request asks: a mark after the shared read's start forbids reuse. */
  position: number;
  /** How long a finished read may be reused (CAN_LIST_CACHE_SECONDS); 0 shares only reads still in flight. */
  ttlMs: number;
  /** Reload: read CAN again unless the held read started under FRESH_MIN_AGE_MS ago. */
  fresh?: boolean;
  nowMs?: number;
  /** Given, before the answer, the progress of the read this request gets (its own or one it shares). */
  onProgress?: (progress: ListingProgress) => void;
};

export async function sharedListing(key: { tenantId: string; planUuid: string }, read: ListingRead, options: ShareOptions): Promise<SharedRead> {
  const id = `${key.tenantId}\u0000${key.planUuid}`;
  const now = options.nowMs ?? Date.now();
  const held = entries.get(id);
  if (held && held.position === options.position) {
    const age = now - held.startedAtMs;
    if (options.fresh ? age < FRESH_MIN_AGE_MS : !held.done || age < options.ttlMs) {
      options.onProgress?.(held.progress);
      return held.read;
    }
  }
  const progress = createListingProgress();
  const entry: Entry = { read: Promise.resolve(undefined as never), startedAtMs: now, position: options.position, done: false, progress };
  options.onProgress?.(progress);
  entry.read = (async () => {
    try {
      const listing = await read((pages, pageCount) => progress.report({ pages, pageCount }));
      entry.done = true;
      // Held no longer than it may be reused: a big plan's list is megabytes.
      setTimeout(() => forget(id, entry), Math.max(options.ttlMs, FRESH_MIN_AGE_MS)).unref();
      return { listing, startedAt: new Date(entry.startedAtMs) };
    } catch (e) {
      forget(id, entry);
      throw e;
    } finally {
      progress.end();
    }
  })();
  entries.set(id, entry);
  return entry.read;
}

/**
 * A finished read already held for the plan and still reusable at `position` (no mark since), or
 * null: the plans page's strips take it rather than ask CAN again, and never start a full read.
 */
export async function heldListing(
  key: { tenantId: string; planUuid: string },
  position: number,
  ttlMs: number,
  nowMs = Date.now(),
): Promise<SharedRead | null> {
  const held = entries.get(`${key.tenantId}\u0000${key.planUuid}`);
  if (!held || !held.done || held.position !== position || nowMs - held.startedAtMs >= ttlMs) return null;
  return held.read;
}

function forget(id: string, entry: Entry): void {
  if (entries.get(id) === entry) entries.delete(id);
}

/** Tests start each case with nothing held. */
export function forgetSharedListingsForTests(): void {
  entries.clear();
}
