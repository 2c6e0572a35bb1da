import type { PartitionItem } from "@/lib/can/types";

/** The pages of a read of CAN's list from page 1 on, as far as they are in a row (lib/can/partitions.ts `onPages`). */
export type ListingPrefix = { pages: readonly (readonly PartitionItem[])[]; pageCount: number };

/** A waiter's judgement of a prefix: take it, wait for a longer one, or give up on this read. */
export type PrefixVerdict = "take" | "wait" | "never";

/**
 * How far one read of a plan's list has got, for every request that shares the read
 * (shared-listing.ts): the plan page waits on it for the pages that already hold the year it shows.
 */
export type ListingProgress = {
  /** The first prefix `judge` takes, or null once it says "never" or the read is over (done or failed). */
  when(judge: (prefix: ListingPrefix) => PrefixVerdict): Promise<ListingPrefix | null>;
};

export type ListingProgressSource = ListingProgress & {
  report(prefix: ListingPrefix): void;
  end(): void;
};

export function createListingProgress(): ListingProgressSource {
  let latest: ListingPrefix | null = null;
  let ended = false;
  // Each waiter answers whether it is settled (and is then dropped).
  const waiters = new Set<(prefix: ListingPrefix | null) => boolean>();
  return {
    when(judge) {
      return new Promise((resolve) => {
        const settle = (prefix: ListingPrefix | null): boolean => {
          const verdict = prefix === null ? "never" : judge(prefix);
          if (verdict === "wait") return false;
          resolve(verdict === "take" ? prefix : null);
          return true;
        };
        if (ended) settle(null);
        else if (!(latest && settle(latest))) waiters.add(settle);
      });
    },
    report(prefix) {
      latest = prefix;
      for (const settle of waiters) if (settle(prefix)) waiters.delete(settle);
    },
    end() {
      ended = true;
      latest = null;
      for (const settle of waiters) settle(null);
      waiters.clear();
    },
  };
}
