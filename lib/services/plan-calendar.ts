import "server-only";
import { listOutsideChanges, readPlanMarks, type LastMark } from "@/lib/audit";
import { listAllPartitions } from "@/lib/can/partitions";
import type { PartitionItem, PlanDetails } from "@/lib/can/types";
import {
  compareKeys,
  countByStatus,
  describeDisagreements,
  isMarkableGranularity,
  listedRuns,
  nextKey,
  parsePartitionValue,
  resolveStatuses,
  type CanPartition,
  type Granularity,
  type RecordedMark,
} from "@/lib/partitions";
import { getEnv } from "@/lib/env";
import type { Tenant } from "@/lib/tenants";
import { currentListingKey } from "./listing-key";
import { observeListing } from "./listing-observer";
import { oncePerRead } from "./once-per-read";
import { sealListing } from "./listing-seal";
import { sharedListing, type SharedRead } from "./shared-listing";
import type { CalendarMode, LastChangeRun, PlanCalendar } from "./plan-calendar-types";
import { getPlanCached } from "./plans";
import { expectedWindow } from "./expected-window";
import type { ListingProgress } from "./listing-progress";
import { serverToday } from "./server-today";

const RAW_VALUES_SHOWN = 500;

export function readOnlyReasonFor(plan: PlanDetails, mode: CalendarMode): string | null {
  if (plan.materializeType !== "EXTERNAL") return `${plan.materializeType} plans are managed by CAN itself; only EXTERNAL plans accept partition marks.`;
  if (mode.kind === "unsupported") return `Granularity ${mode.granularity ?? "(none)"} cannot be marked safely by this console (DAY and MONTH only).`;
  return null;
}

export type CalendarReadOptions = {
  /** A mark's "before" counts: take the last of several torn reads rather than fail; never shared. */
  acceptUnsettled?: boolean;
  /** Reload: a new read of CAN rather than the one shared (lib/services/shared-listing.ts). */
  fresh?: boolean;
  /** Given the shared read's progress and the marks it is resolved with, once the read is asked for (plan-preview.ts). */
  onPreviewSource?: (source: PreviewSource) => void;
};

/** What a preview of the calendar is drawn from: the read in progress and this request's marks. */
export type PreviewSource = { progress: ListingProgress; recorded: RecordedMark[] };

export async function getPlanCalendar(tenant: Tenant, uuid: string, now = new Date(), options: CalendarReadOptions = {}): Promise<PlanCalendar> {
  // The audit position this read is compared from is taken before CAN is asked: a mark recorded up
  // to it had its answer from CAN already, so the list shows it; a later mark's rows lie after it,
  // so the next read can still credit its change to the console. A shared read is reused only by
  // requests that found the same position, so this holds for it too. The position is the highest
  // seq among the mark rows the marks query reads (the same rows planMarksThrough reads), so one
  // query gives both the marks and the position, and the marks are exactly those through it.
  const marksThenListing = readPlanMarks(tenant.id, uuid).then(async ({ marks, throughSeq }) => ({
    marks,
    throughSeq,
    ...(await readListing(tenant, uuid, throughSeq, options, marks)),
  }));
  const [plan, { listing, startedAt, marks, throughSeq }, key] = await Promise.all([getPlanCached(tenant, uuid), marksThenListing, currentListingKey()]);
  const observedFrom = throughSeq;
  const items = listing.items ?? [];
  // What the page shows is as old as the read of CAN it came from, shared or not.
  const readAt = startedAt.toISOString();
  const base = { plan, hasData: listing.hasData, listedCount: items.length, pagesFetched: listing.pagesFetched, readAt, throughSeq };
  const rawItems = items.slice(0, RAW_VALUES_SHOWN).map((i) => ({ value: i.value, status: i.status ?? null }));
  const empty = {
    window: null,
    runs: [],
    counts: countByStatus([], "DAY"),
    lastChanges: [],
    outsideChanges: [],
    disagreements: [],
    unreadableValues: [],
    seal: null,
    today: null,
    listShape: null,
  };

  if (!listing.isPartitioned || listing.items === null) {
    const mode: CalendarMode = { kind: "full-refresh" };
    return { ...base, ...empty, mode, readOnlyReason: readOnlyReasonFor(plan, mode), rawItems };
  }
  const g = plan.granularity?.toUpperCase() ?? null;
  if (!g || !isMarkableGranularity(g)) {
    const mode: CalendarMode = { kind: "unsupported", granularity: plan.granularity };
    return { ...base, ...empty, mode, readOnlyReason: readOnlyReasonFor(plan, mode), rawItems };
  }

  const { canList, unreadable } = toCanPartitions(items, g);
  const listed = listedRuns(canList, g);
  // A list that kept changing while it was read is never compared (it would report changes that did not happen).
  // Once per read of CAN (a shared read hands its requests one listing object): every request that
  // shares it found the same position and lists the same runs, so a second compare finds nothing.
  if (listing.settled !== false)
    await oncePerRead(listing, () =>
      observeListing({
        tenantId: tenant.id,
        planUuid: uuid,
        planName: plan.name,
        granularity: g,
        runs: listed,
        throughSeq: observedFrom,
        startedAt,
        finishedAt: new Date(),
      }),
    );
  // Read after the compare: a read running beside this one may be the one that records the change.
  const outside = await listOutsideChanges(tenant.id, uuid);
  const recorded = recordedMarks(marks);
  const window = expectedWindow(plan, g, canList, recorded, now);
  const args = { window, granularity: g, canList, recorded };
  const runs = resolveStatuses(args);
  const mode: CalendarMode = { kind: "grid", granularity: g };
  return {
    ...base,
    mode,
    readOnlyReason: readOnlyReasonFor(plan, mode),
    today: serverToday(g, now),
    listShape: items.some((i) => typeof i.status === "string" && i.status.trim() !== "") ? "with-status" : "materialized-only",
    window,
    runs,
    seal: listing.settled === false ? null : sealListing(key, { tenantId: tenant.id, planUuid: uuid, granularity: g }, { readAt, throughSeq, runs }),
    counts: countByStatus(runs, g),
    lastChanges: compressMarks(marks, g),
    outsideChanges: outside,
    disagreements: describeDisagreements(args),
    unreadableValues: unreadable,
    rawItems: [],
  };
}

function recordedMarks(marks: readonly LastMark[]): RecordedMark[] {
  return marks.map((m) => ({ key: m.key, status: m.status, at: m.at, actor: m.actor }));
}

function readListing(tenant: Tenant, uuid: string, position: number, options: CalendarReadOptions, marks: readonly LastMark[]): Promise<SharedRead> {
  if (options.acceptUnsettled) {
    const startedAt = new Date();
    return listAllPartitions(tenant, uuid, { acceptUnsettled: true }).then((listing) => ({ listing, startedAt }));
  }
  const { onPreviewSource } = options;
  return sharedListing({ tenantId: tenant.id, planUuid: uuid }, (onPages) => listAllPartitions(tenant, uuid, { onPages }), {
    position,
    ttlMs: getEnv().CAN_LIST_CACHE_SECONDS * 1_000,
    fresh: options.fresh ?? false,
    onProgress: onPreviewSource && ((progress) => onPreviewSource({ progress, recorded: recordedMarks(marks) })),
  });
}

export function toCanPartitions(items: readonly PartitionItem[], g: Granularity): { canList: CanPartition[]; unreadable: string[] } {
  const canList: CanPartition[] = [];
  const unreadable: string[] = [];
  for (const item of items) {
    const key = parsePartitionValue(item.value, g);
    if (key === null) unreadable.push(item.value);
    else canList.push({ key, status: item.status, updatedAt: item.updatedAt });
  }
  return { canList, unreadable };
}

function compressMarks(marks: readonly LastMark[], g: Granularity): LastChangeRun[] {
  const sorted = [...marks].sort((a, b) => compareKeys(a.key, b.key));
  const runs: LastChangeRun[] = [];
  for (const mark of sorted) {
    // The cell details name a machine by its API token, like the history does.
    const m = mark.actorKind === "machine" ? { ...mark, actor: `${mark.actor} (API token)` } : mark;
    const last = runs.at(-1);
    if (last && last.actor === m.actor && last.at === m.at && last.status === m.status && last.outcome === m.outcome && nextKey(last.end, g) === m.key) {
      last.end = m.key;
    } else {
      runs.push({ start: m.key, end: m.key, status: m.status, actor: m.actor, at: m.at, outcome: m.outcome });
    }
  }
  return runs;
}
