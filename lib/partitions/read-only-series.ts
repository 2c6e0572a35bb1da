import type { Granularity } from "./granularity";
import { addKeys, keyToOrdinal, type PartitionKey } from "./keys";
import { parsePartitionValue } from "./parse-value";
import type { PartitionStatus } from "./runs";
import { normalizeCanStatus } from "./status-model";

// Plans of a granularity the console cannot mark (WEEK, QUARTER, YEAR) are still periodic: laid out
// on their own step, the periods CAN does not list stand out as gaps, which is what an operator
// looks for. Only steps whose values are dates on a fixed grid are laid out; anything else (HOUR,
// a free-form string) stays CAN's list as it came.

type Step = { g: Granularity; n: number; unit: "week" | "quarter" | "year" };
const STEPS: Record<string, Step> = {
  WEEK: { g: "DAY", n: 7, unit: "week" },
  QUARTER: { g: "MONTH", n: 3, unit: "quarter" },
  YEAR: { g: "MONTH", n: 12, unit: "year" },
};

/** More periods than this between the newest and oldest value are cut (a stray old value would draw thousands). */
export const MAX_SERIES_CELLS = 600;

export type SeriesCell =
  { key: PartitionKey; listed: true; value: string; status: PartitionStatus | null; rawStatus: string | null } | { key: PartitionKey; listed: false };

export type ReadOnlySeries = {
  unit: Step["unit"];
  /** Newest first, one per period from the newest listed value back to the oldest (or the cap). */
  cells: SeriesCell[];
  gaps: number;
  /** Values that are not dates, or not on the step counted from the newest value: shown apart, never placed. */
  offGrid: string[];
  /** True when older periods were left out at MAX_SERIES_CELLS. */
  truncated: boolean;
};

export type RawItem = { value: string; status: string | null };

export function readOnlySeries(granularity: string | null, items: readonly RawItem[]): ReadOnlySeries | null {
  const step = granularity ? STEPS[granularity.trim().toUpperCase()] : undefined;
  if (!step) return null;
  const byKey = new Map<PartitionKey, RawItem>();
  const offGrid: string[] = [];
  for (const item of items) {
    const key = parsePartitionValue(item.value, step.g);
    if (key === null) offGrid.push(item.value);
    else if (!byKey.has(key)) byKey.set(key, item);
  }
  if (byKey.size === 0) return null;
  const ordinals = [...byKey.keys()].map((k) => keyToOrdinal(k, step.g));
  const newest = [...byKey.keys()][ordinals.indexOf(Math.max(...ordinals))] as PartitionKey;
  const span = Math.floor((Math.max(...ordinals) - Math.min(...ordinals)) / step.n) + 1;
  const length = Math.min(span, MAX_SERIES_CELLS);
  const placed = new Set<PartitionKey>();
  const cells: SeriesCell[] = [];
  for (let i = 0; i < length; i++) {
    const key = addKeys(newest, -i * step.n, step.g);
    const item = byKey.get(key);
    if (!item) {
      cells.push({ key, listed: false });
      continue;
    }
    placed.add(key);
    cells.push({ key, listed: true, value: item.value, status: item.status === null ? null : normalizeCanStatus(item.status), rawStatus: item.status });
  }
  const oldestShown = keyToOrdinal(cells[cells.length - 1]?.key ?? newest, step.g);
  for (const [key, item] of byKey) {
    if (!placed.has(key) && keyToOrdinal(key, step.g) >= oldestShown) offGrid.push(item.value);
  }
  return { unit: step.unit, cells, gaps: cells.filter((c) => !c.listed).length, offGrid, truncated: span > MAX_SERIES_CELLS };
}
