import "server-only";
import { todayKeyInZone, type Granularity } from "@/lib/partitions";
import type { ServerToday } from "@/lib/marks/future";

// Which partitions are "in the future" is decided on the server, in the server process's own zone
// (its TZ), which the deployer sets to CAN's: CAN's TODAY() in its time constraints is its own local
// date. docs/decisions/0016-future-marks-and-the-servers-today.md.

let zone: string | undefined;

/**
 * The process's zone, resolved once: TZ is set when the server starts (ADR 0016) and resolving it
 * builds an Intl.DateTimeFormat (about 0.1 ms), twice per plan-route request before (ADR 0040).
 */
export function serverZone(): string {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
}

export function serverToday(g: Granularity, now: Date = new Date()): ServerToday {
  const z = serverZone();
  return { key: todayKeyInZone(now, z, g), zone: z };
}
