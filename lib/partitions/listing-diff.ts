import type { Granularity } from "./granularity";
import { keyToOrdinal, ordinalToKey, type PartitionKey } from "./keys";
import { encodeRuns, type PartitionStatus, type StatusRun } from "./runs";
import { normalizeCanStatus, type CanPartition } from "./status-model";

/**
 * What CAN itself says about a partition, without the console's own record: its status when it
 * sends one, "success" for a listed value without one (can-api.md, open question 1), "missing" for
 * a key it does not list at all, "unknown" for a status the console does not recognise.
 */
export type ListedStatus = PartitionStatus;

/** A stretch of consecutive keys that went from one listed status to another between two reads. */
export type ListingChange = { start: PartitionKey; end: PartitionKey; before: ListedStatus; after: ListedStatus };

/** The resulting status of a console mark on one key, as the audit log records it. */
export type MarkedKey = { key: PartitionKey; status: "success" | "failed" | "cleared" };

/** CAN's own view of a plan's list as runs (absent keys stay absent: they read as "missing"). */
export function listedRuns(canList: readonly CanPartition[], g: Granularity): StatusRun[] {
  return encodeRuns(
    canList.map((p): [PartitionKey, PartitionStatus] => {
      const raw = p.status?.trim() ?? "";
      return [p.key, raw === "" ? "success" : (normalizeCanStatus(raw) ?? "unknown")];
    }),
    g,
  );
}

function toOrdinalMap(runs: readonly StatusRun[], g: Granularity): Map<number, PartitionStatus> {
  const map = new Map<number, PartitionStatus>();
  for (const [start, end, status] of runs) {
    const to = keyToOrdinal(end, g);
    for (let n = keyToOrdinal(start, g); n <= to; n++) map.set(n, status);
  }
  return map;
}

/**
 * Every key whose listed status differs between two reads, as ranges of consecutive keys with the
 * same before → after. Cost follows the number of listed keys (a 10-year DAY plan is 3,650).
 */
export function diffListings(before: readonly StatusRun[], after: readonly StatusRun[], g: Granularity): ListingChange[] {
  const a = toOrdinalMap(before, g);
  const b = toOrdinalMap(after, g);
  const ordinals = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  const out: (ListingChange & { s: number; e: number })[] = [];
  for (const n of ordinals) {
    const was = a.get(n) ?? "missing";
    const now = b.get(n) ?? "missing";
    if (was === now) continue;
    const last = out.at(-1);
    if (last && last.e + 1 === n && last.before === was && last.after === now) {
      last.e = n;
      last.end = ordinalToKey(n, g);
    } else {
      const key = ordinalToKey(n, g);
      out.push({ s: n, e: n, start: key, end: key, before: was, after: now });
    }
  }
  return out.map(({ start, end, before: was, after: now }) => ({ start, end, before: was, after: now }));
}

/**
 * Whether a console mark leaves CAN listing the key as `after`. CAN's documented list holds only
 * materialized partitions, so a failed or cleared mark may show as the key no longer being listed.
 */
export function markExplains(mark: MarkedKey["status"], after: ListedStatus): boolean {
  if (mark === "success") return after === "success";
  if (mark === "failed") return after === "failed" || after === "missing";
  return after === "cleared" || after === "missing";
}

/**
 * The changes no console mark accounts for: a key is explained when one of `marks` (the marks
 * recorded between the two reads, whose outcome is ok or unknown) gives it a status CAN would now
 * list as the observed `after`. Keys are split out of a range only where a mark explains them.
 */
export function unexplainedChanges(changes: readonly ListingChange[], marks: readonly MarkedKey[], g: Granularity): ListingChange[] {
  if (marks.length === 0) return [...changes];
  const marked = new Map<number, Set<MarkedKey["status"]>>();
  for (const m of marks) {
    const n = keyToOrdinal(m.key, g);
    const set = marked.get(n) ?? new Set();
    set.add(m.status);
    marked.set(n, set);
  }
  const out: ListingChange[] = [];
  for (const c of changes) {
    let open: ListingChange | null = null;
    const to = keyToOrdinal(c.end, g);
    for (let n = keyToOrdinal(c.start, g); n <= to; n++) {
      const explained = [...(marked.get(n) ?? [])].some((s) => markExplains(s, c.after));
      if (explained) {
        open = null;
        continue;
      }
      const key = ordinalToKey(n, g);
      if (open) open.end = key;
      else {
        open = { start: key, end: key, before: c.before, after: c.after };
        out.push(open);
      }
    }
  }
  return out;
}

/** How many keys the changes cover. */
export function changedKeyCount(changes: readonly ListingChange[], g: Granularity): number {
  return changes.reduce((n, c) => n + keyToOrdinal(c.end, g) - keyToOrdinal(c.start, g) + 1, 0);
}
