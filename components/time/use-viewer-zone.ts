"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server cannot know the reader's zone: it renders UTC (named as such), and the browser
// re-renders in its own zone right after hydration (no mismatch: this is the hook's server snapshot).
const serverZone = () => "UTC";

/** The viewer's IANA time zone in the browser; "UTC" while rendering on the server. */
export function useViewerZone(): string {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}
