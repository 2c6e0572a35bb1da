"use client";

import { useSyncExternalStore } from "react";
import { localTodayKey, type Granularity, type PartitionKey } from "@/lib/partitions";

const never = () => () => undefined;

/**
 * Today in the user's own calendar. Until hydration it is the server's today (`serverKey`, computed
 * once on the server and sent as a string), so the server's HTML and the hydrating render agree;
 * React then re-renders with the browser's date where the two differ. Deriving the server's value
 * again in the browser (from the read's instant, in the browser's zone) made the hydrating render
 * believe it matched HTML it did not, and cells kept the server's "today" in their names (seen in
 * Los Angeles after 16:00, when the server's UTC date is already tomorrow).
 */
export function useTodayKey(g: Granularity, serverKey: PartitionKey): PartitionKey {
  return useSyncExternalStore(
    never,
    () => localTodayKey(new Date(), g),
    () => serverKey,
  );
}
