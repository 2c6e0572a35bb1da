"use client";

import { useSyncExternalStore } from "react";
import { localTodayKey, type Granularity } from "@/lib/partitions";

const never = () => () => undefined;

/**
 * Today in the user's own calendar. The server's idea of today (which may be another date in
 * another zone) is used only until hydration, so the markup matches and then corrects itself.
 */
export function useTodayKey(g: Granularity, serverNow: string): string {
  return useSyncExternalStore(
    never,
    () => localTodayKey(new Date(), g),
    () => localTodayKey(new Date(serverNow), g),
  );
}
