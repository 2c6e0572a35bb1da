"use client";

import { formatDateTime, zoneLabel } from "@/lib/time/format";
import { useViewerZone } from "./use-viewer-zone";

/** An instant as people read it (lib/time/format.ts), with the full ISO for machines and on hover. */
export function Time({ iso, className }: { iso: string; className?: string }) {
  const zone = useViewerZone();
  return (
    <time dateTime={iso} title={iso} className={className}>
      {formatDateTime(iso, zone)}
    </time>
  );
}

/** The zone the times on the page are in ("Asia/Shanghai, UTC+08:00"), for a column header. */
export function ZoneName() {
  return <>{zoneLabel(useViewerZone())}</>;
}
