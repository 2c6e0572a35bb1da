import "server-only";
import { lastRefreshMark, type LastRefresh } from "@/lib/audit/last-refresh";
import { planMarksThrough, readPlanMarks } from "@/lib/audit";
import { mapBounded } from "@/lib/async/map-bounded";
import { CanError } from "@/lib/can/errors";
import { getPartitionPage, listAllPartitions } from "@/lib/can/partitions";
import type { PartitionItem } from "@/lib/can/types";
import { getEnv } from "@/lib/env";
import { expectedPartition, lateDays, lateness, needsAttention, stripWindow, windowCounts, type WindowCounts } from "@/lib/health/freshness";
import { windowCoverage } from "@/lib/health/window-cover";
import {
  compareKeys,
  isMarkableGranularity,
  parsePartitionValue,
  resolvePartitions,
  type CanPartition,
  type Granularity,
  type PartitionKey,
  type PartitionStatus,
} from "@/lib/partitions";
import type { Tenant } from "@/lib/tenants";
import { getPlanCached } from "./plans";
import { serverToday } from "./server-today";
import { heldListing, sharedListing } from "./shared-listing";

// One plan's health for the plans page (docs/decisions/0028-morning-view.md): its recent partitions
// with the calendar's statuses, and its freshness. Reads the first page of CAN's list, more only
// while the window is not covered, the whole list only when the pages are not newest first.

/** `status` null: before the plan's first known partition (the calendar leaves such days blank). */
export type StripCell = { key: PartitionKey; status: PartitionStatus | null };

export type PlanHealth =
  | {
      kind: "grid";
      granularity: Granularity;
      cells: StripCell[];
      counts: WindowCounts;
      latestSuccess: PartitionKey | null;
      expected: PartitionKey;
      /** Partitions late (days or months); null: no success among the partitions read. */
      lateBy: number | null;
      /** The same in days, for sorting DAY and MONTH plans together. */
      lateDays: number | null;
      attention: boolean;
      /** The table's Partitions and Latest partition columns, from the same read (no read of their own). */
      partitionCount: number | null;
      latestPartition: string | null;
    }
  | { kind: "full-refresh"; lastRefresh: LastRefresh | null }
  /** Not EXTERNAL, or a granularity the console cannot show as a grid: the row stays as it was. */
  | { kind: "none" }
  /** CAN's message for this plan, or null when the failure was not CAN's answer. */
  | { kind: "error"; problem: string | null };

/** More pages than this for thirty days means CAN serves tiny pages: read the list whole instead. */
const MAX_WINDOW_PAGES = 5;

export async function getPlansHealth(tenant: Tenant, uuids: readonly string[], now = new Date()): Promise<Record<string, PlanHealth>> {
  const results = await mapBounded(uuids, getEnv().CAN_PAGE_CONCURRENCY, async (uuid) => {
    try {
      return await getPlanHealth(tenant, uuid, now);
    } catch (e) {
      // One plan's failure is its row's, never the page's.
      return { kind: "error", problem: e instanceof CanError ? e.message : null } satisfies PlanHealth;
    }
  });
  return Object.fromEntries(uuids.map((uuid, i) => [uuid, results[i] as PlanHealth]));
}

export async function getPlanHealth(tenant: Tenant, uuid: string, now = new Date()): Promise<PlanHealth> {
  const plan = await getPlanCached(tenant, uuid);
  if (plan.materializeType !== "EXTERNAL") return { kind: "none" };
  if (plan.refresh.isFullRefresh === true) return { kind: "full-refresh", lastRefresh: await lastRefreshMark(tenant.id, uuid) };
  const g = plan.granularity?.toUpperCase() ?? "";
  if (!isMarkableGranularity(g)) return { kind: "none" };

  const today = serverToday(g, now).key;
  const expected = expectedPartition(today, plan.refresh.upperInterval, g);
  const window = stripWindow(expected, today, g);
  // Taken before CAN is asked, as the calendar does: a held full read is reused only if no mark followed it.
  const position = await planMarksThrough(tenant.id, uuid);
  const read = await readWindow(tenant, uuid, g, window.start, position);
  if (read === "full-refresh") return { kind: "full-refresh", lastRefresh: await lastRefreshMark(tenant.id, uuid) };

  const { marks } = await readPlanMarks(tenant.id, uuid);
  const canList: CanPartition[] = [];
  for (const item of read.items) {
    const key = parsePartitionValue(item.value, g);
    if (key !== null) canList.push({ key, status: item.status, updatedAt: item.updatedAt });
  }
  const recorded = marks.map((m) => ({ key: m.key, status: m.status, at: m.at, actor: m.actor }));
  const known = [...canList.map((p) => p.key), ...recorded.map((m) => m.key)];
  const first = known.reduce<PartitionKey | null>((lo, k) => (lo === null || compareKeys(k, lo) < 0 ? k : lo), null);
  const last = known.reduce<PartitionKey>((hi, k) => (compareKeys(k, hi) > 0 ? k : hi), expected);

  const cells: StripCell[] = resolvePartitions({ window, granularity: g, canList, recorded }).map(({ key, status }) => ({
    // The calendar's window starts at the plan's first known partition; only a list read to its end can tell which that is.
    key,
    status: read.complete && (first === null || compareKeys(key, first) < 0) ? null : status,
  }));
  const counts = windowCounts(cells.map((c) => c.status));
  const latestSuccess = first === null ? null : newestSuccess(first, last, g, canList, recorded);
  const lateBy = lateness(expected, latestSuccess, g);
  return {
    kind: "grid",
    granularity: g,
    cells,
    counts,
    latestSuccess,
    expected,
    lateBy,
    lateDays: lateDays(expected, latestSuccess, g),
    attention: needsAttention(lateBy, counts),
    partitionCount: read.total,
    latestPartition: read.items[0]?.value ?? null,
  };
}

/** The newest key from `first` to `last` whose status, decided as the calendar decides it, is success. */
function newestSuccess(
  first: PartitionKey,
  last: PartitionKey,
  g: Granularity,
  canList: CanPartition[],
  recorded: Parameters<typeof resolvePartitions>[0]["recorded"],
): PartitionKey | null {
  const resolved = resolvePartitions({ window: { start: first, end: last }, granularity: g, canList, recorded });
  for (let i = resolved.length - 1; i >= 0; i--) if (resolved[i]?.status === "success") return resolved[i]?.key ?? null;
  return null;
}

/** `total`: CAN's count of the plan's partitions (its first page's, or the whole list's length). */
type WindowRead = { items: PartitionItem[]; complete: boolean; total: number | null };

async function readWindow(tenant: Tenant, uuid: string, g: Granularity, windowStart: PartitionKey, position: number): Promise<WindowRead | "full-refresh"> {
  const env = getEnv();
  const ttlMs = env.CAN_LIST_CACHE_SECONDS * 1_000;
  const key = { tenantId: tenant.id, planUuid: uuid };
  const held = await heldListing(key, position, ttlMs);
  if (held) return held.listing.items === null ? "full-refresh" : { items: held.listing.items, complete: true, total: held.listing.items.length };

  const items: PartitionItem[] = [];
  const totals = new Set<number>();
  for (let n = 1; n <= MAX_WINDOW_PAGES; n++) {
    const page = await getPartitionPage(tenant, uuid, n, env.CAN_PAGE_SIZE);
    if (!page.page) return "full-refresh";
    if (page.page.total !== undefined) totals.add(page.page.total);
    items.push(...page.page.items);
    const hasNext = (page.page.hasNext ?? false) && page.page.items.length > 0;
    const coverage = windowCoverage(
      items.map((i) => i.value),
      hasNext,
      windowStart,
      g,
    );
    // A list that changed between pages may have shifted a partition past the page boundary: read it whole.
    if (totals.size > 1 || coverage === "unordered") break;
    if (coverage === "covered") return { items, complete: !hasNext, total: [...totals][0] ?? (hasNext ? null : items.length) };
  }
  const whole = await sharedListing(key, (onPages) => listAllPartitions(tenant, uuid, { onPages }), { position, ttlMs });
  return whole.listing.items === null ? "full-refresh" : { items: whole.listing.items, complete: true, total: whole.listing.items.length };
}
