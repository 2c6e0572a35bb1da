import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { Tenant } from "@/lib/tenants";
import { canFetch, type CanCallOptions } from "./client";
import { mapBounded } from "@/lib/async/map-bounded";
import { CanError } from "./errors";
import type { PartitionItem, PartitionListing } from "./types";

const MAX_PAGES = 10_000;

const itemSchema = z
  .looseObject({
    value: z.union([z.string(), z.number()]).transform(String),
    status: z.string().nullish(),
    updateTime: z.string().nullish(),
    updatedAt: z.string().nullish(),
  })
  .transform(({ value, status, updateTime, updatedAt }): PartitionItem => ({
    value,
    status: status ?? undefined,
    updatedAt: updateTime ?? updatedAt ?? undefined,
  }));

// CAN documents `paritionList` (sic); `partitionList` is read too in case a release fixes the typo.
const pageBodySchema = z
  .looseObject({
    paritionList: z.array(itemSchema).nullish(),
    partitionList: z.array(itemSchema).nullish(),
    hasNext: z.boolean().nullish(),
    total: z.number().int().nonnegative().nullish(),
  })
  .transform((p) => ({ items: p.paritionList ?? p.partitionList ?? [], hasNext: p.hasNext ?? undefined, total: p.total ?? undefined }));

const listResponseSchema = z.looseObject({
  hasData: z.boolean().nullish(),
  isPartition: z.boolean().nullish(),
  partition: pageBodySchema.nullish(),
});

export type PartitionPage = {
  hasData: boolean;
  isPartitioned: boolean;
  page: { items: PartitionItem[]; hasNext: boolean | undefined; total: number | undefined } | null;
};

export async function getPartitionPage(tenant: Tenant, uuid: string, pageNumber: number, pageSize: number, options?: CanCallOptions): Promise<PartitionPage> {
  const r = await canFetch(
    tenant,
    { endpoint: "queryMtPartitionList", method: "GET", query: { uuid, pageNumber, pageSize }, schema: listResponseSchema },
    options,
  );
  return { hasData: r.hasData ?? false, isPartitioned: r.isPartition ?? r.partition != null, page: r.partition ?? null };
}

export type ListAllOptions = CanCallOptions & {
  pageSize?: number;
  concurrency?: number;
  /**
   * After TORN_READ_ATTEMPTS torn reads, return the last one marked `settled: false` instead of
   * failing: for a mark's "before" counts, which are a snapshot anyway, under a busy scheduler.
   */
  acceptUnsettled?: boolean;
  /**
   * Told the consecutive run of pages read so far from page 1 (each page's items, in CAN's order;
   * a copy the callee may keep) each time it grows, and `pageCount`, the pages this pass expects.
   * Every torn-read attempt starts again from page 1. It must not throw: that would fail the read.
   */
  onPages?: (pages: readonly (readonly PartitionItem[])[], pageCount: number) => void;
};

/** How many times a list that changed while it was read is read again before the read fails. */
export const TORN_READ_ATTEMPTS = 3;

/**
 * Every partition CAN lists for the plan, as one consistent picture. CAN pages newest first, so a
 * partition added or cleared mid-read shifts the later pages (a key read twice, or never): when the
 * pages do not all report the same `total`, the list is read again, at most TORN_READ_ATTEMPTS
 * times, and then the read fails (`unsettled`) rather than show or compare a list that never was.
 */
export async function listAllPartitions(tenant: Tenant, uuid: string, options: ListAllOptions = {}): Promise<PartitionListing> {
  const totals: string[] = [];
  for (let attempt = 1; attempt <= TORN_READ_ATTEMPTS; attempt++) {
    const read = await readAllPages(tenant, uuid, options);
    if (read.totals.size <= 1) return read.listing;
    totals.push([...read.totals].join("→"));
    if (attempt === TORN_READ_ATTEMPTS && options.acceptUnsettled) return { ...read.listing, settled: false };
  }
  throw new CanError({
    kind: "unsettled",
    endpoint: "queryMtPartitionList",
    requestId: options.requestId ?? "-",
    errorMsg: `the number of partitions changed during each of ${TORN_READ_ATTEMPTS} reads (totals ${totals.join(", ")}); try again in a moment`,
  });
}

/**
 * One pass over the pages. Page 1 tells the total and, by how many items it holds, the page size
 * CAN really serves (it may cap ours); the other pages are then fetched with bounded concurrency.
 * The documented pageNumber/pageSize echoes are not trusted for loop control. `totals`: every
 * distinct `total` the pages reported.
 */
async function readAllPages(tenant: Tenant, uuid: string, options: ListAllOptions): Promise<{ listing: PartitionListing; totals: Set<number> }> {
  const env = getEnv();
  const pageSize = options.pageSize ?? env.CAN_PAGE_SIZE;
  const concurrency = options.concurrency ?? env.CAN_PAGE_CONCURRENCY;
  const first = await getPartitionPage(tenant, uuid, 1, pageSize, options);
  if (!first.page) return { listing: { hasData: first.hasData, isPartitioned: false, items: null, total: 0, pagesFetched: 1 }, totals: new Set() };

  const totals = new Set<number>();
  const noteTotal = (p: PartitionPage): void => {
    if (p.page?.total !== undefined) totals.add(p.page.total);
  };
  noteTotal(first);
  const pages = new Map<number, PartitionItem[]>();
  const prefix: PartitionItem[][] = [];
  let pageCount = 1;
  // Pages arrive in any order (several in flight); the consecutive run from page 1 is reported.
  const arrived = (n: number, items: PartitionItem[]): void => {
    pages.set(n, items);
    if (!options.onPages || n !== prefix.length + 1) return;
    for (let next = pages.get(prefix.length + 1); next; next = pages.get(prefix.length + 1)) prefix.push(next);
    options.onPages(prefix.slice(), pageCount);
  };
  let lastHasNext = first.page.hasNext ?? false;
  const served = first.page.items.length;
  if (lastHasNext && served > 0) {
    pageCount = first.page.total !== undefined ? Math.ceil(first.page.total / served) : 2;
    pageCount = Math.min(pageCount, MAX_PAGES);
  }
  arrived(1, first.page.items);
  if (lastHasNext && served > 0) {
    const results = await mapBounded(range(2, pageCount), concurrency, async (n) => {
      const r = await getPartitionPage(tenant, uuid, n, pageSize, options);
      arrived(n, r.page?.items ?? []);
      return r;
    });
    results.forEach(noteTotal);
    lastHasNext = results.at(-1)?.page?.hasNext ?? false;
    // A server without `total` (or a list that grew, which the totals then catch): walk on until hasNext ends.
    while (lastHasNext && pageCount < MAX_PAGES) {
      pageCount++;
      const next = await getPartitionPage(tenant, uuid, pageCount, pageSize, options);
      arrived(pageCount, next.page?.items ?? []);
      noteTotal(next);
      lastHasNext = (next.page?.hasNext ?? false) && (next.page?.items.length ?? 0) > 0;
    }
  }
  if (lastHasNext) {
    throw new CanError({
      kind: "malformed",
      endpoint: "queryMtPartitionList",
      requestId: options.requestId ?? "-",
      errorMsg: `still hasNext after ${MAX_PAGES} pages`,
    });
  }
  const seen = new Set<string>();
  const items: PartitionItem[] = [];
  for (let n = 1; n <= pageCount; n++) {
    for (const item of pages.get(n) ?? []) {
      if (seen.has(item.value)) continue;
      seen.add(item.value);
      items.push(item);
    }
  }
  return { listing: { hasData: first.hasData, isPartitioned: true, items, total: first.page.total ?? items.length, pagesFetched: pageCount }, totals };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
