"use client";

import { useViewerZone } from "./use-viewer-zone";

/** Sends the viewer's time zone with a GET form, so the days it filters by are the viewer's days. */
export function ViewerZoneInput() {
  return <input type="hidden" name="tz" value={useViewerZone()} />;
}
