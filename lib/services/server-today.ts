import "server-only";
import { todayKeyInZone, type Granularity } from "@/lib/partitions";
import type { ServerToday } from "@/lib/marks/future";

// Which partitions are "in the future" is decided on the server, in the server process's own zone
// (its TZ), which the deployer sets to CAN's: CAN's TODAY() in its time constraints is its own local
// date. docs/decisions/0016-future-marks-and-the-servers-today.md.

export function serverZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function serverToday(g: Granularity, now: Date = new Date()): ServerToday {
  const zone = serverZone();
  return { key: todayKeyInZone(now, zone, g), zone };
}
