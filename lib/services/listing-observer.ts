import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { appendObservedChange, markedKeysSince, type OutsideChange } from "@/lib/audit/observed";
import { sha256Hex } from "@/lib/audit/canonical";
import { getDb, type Db } from "@/lib/db";
import { planListingSnapshot } from "@/lib/db/schema";
import { changedKeyCount, diffListings, unexplainedChanges, type Granularity, type StatusRun } from "@/lib/partitions";

/** One full read of a plan's list, as CAN itself listed it. */
export type ListingRead = {
  tenantId: string;
  planUuid: string;
  planName: string;
  granularity: Granularity;
  /** CAN's own statuses as runs (lib/partitions listedRuns), not the console's resolved picture. */
  runs: StatusRun[];
  /** The plan's audit position (planMarksThrough) taken before the first page was asked for. */
  throughSeq: number;
  startedAt: Date;
  finishedAt: Date;
};

const storedRunsSchema = z.array(z.tuple([z.string(), z.string(), z.enum(["success", "failed", "cleared", "missing", "unknown"])]));

/**
 * Compares a full read with the plan's previous one and records, in the same transaction that moves
 * the snapshot forward, one `partition.observed` event for the changes no console mark explains.
 * Instances share nothing but the database: the snapshot row is locked (FOR UPDATE) for the compare
 * and swap, so two reads of one change record it once, and a read older than the stored one is
 * dropped. A read that found the list as it was moves the snapshot on with one UPDATE and no lock.
 * Returns the event's changes when one was recorded. `database`: another pool (tests play two instances).
 */
export async function observeListing(read: ListingRead, database?: Db): Promise<OutsideChange[]> {
  const db = database ?? (await getDb());
  const runsHash = sha256Hex(`${read.granularity}:${JSON.stringify(read.runs)}`);
  const key = and(eq(planListingSnapshot.tenantId, read.tenantId), eq(planListingSnapshot.planUuid, read.planUuid));
  const unchanged = await db
    .update(planListingSnapshot)
    .set({ throughSeq: read.throughSeq, readAt: read.startedAt })
    .where(and(key, eq(planListingSnapshot.runsHash, runsHash), lt(planListingSnapshot.readAt, read.startedAt)))
    .returning({ planUuid: planListingSnapshot.planUuid });
  if (unchanged.length > 0) return [];

  const next = { granularity: read.granularity, runs: read.runs, runsHash, throughSeq: read.throughSeq, readAt: read.startedAt };
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(planListingSnapshot)
      .values({ tenantId: read.tenantId, planUuid: read.planUuid, ...next })
      .onConflictDoNothing()
      .returning({ planUuid: planListingSnapshot.planUuid });
    if (created.length > 0) return []; // the plan's first read: nothing to compare with
    const [prev] = await tx.select().from(planListingSnapshot).where(key).for("update");
    if (!prev || prev.readAt >= read.startedAt) return []; // a later read is already recorded
    const prevRuns = storedRunsSchema.safeParse(prev.runs);
    let recorded: OutsideChange[] = [];
    // A plan whose granularity changed has keys that cannot be compared: start over from this read.
    if (prevRuns.success && prev.granularity === read.granularity) {
      const changes = diffListings(prevRuns.data, read.runs, read.granularity);
      const outside =
        changes.length === 0 ? [] : unexplainedChanges(changes, await markedKeysSince(tx, read.tenantId, read.planUuid, prev.throughSeq), read.granularity);
      if (outside.length > 0) {
        const interval = { from: prev.readAt.toISOString(), to: read.finishedAt.toISOString() };
        const eventId = await appendObservedChange(tx, {
          tenantId: read.tenantId,
          planUuid: read.planUuid,
          planName: read.planName,
          granularity: read.granularity,
          changes: outside,
          partitionCount: changedKeyCount(outside, read.granularity),
          interval,
        });
        recorded = outside.map((c) => ({ ...c, eventId, ...interval }));
      }
    }
    await tx.update(planListingSnapshot).set(next).where(key);
    return recorded;
  });
}
