import "server-only";
import type { PartitionItem } from "@/lib/can/types";
import { firstKeyOfYear, newestFirstPrefix, openingYear, prefixCoversYear, resolveStatuses, type PrefixOrder } from "@/lib/partitions";
import type { Tenant } from "@/lib/tenants";
import { expectedWindow } from "./expected-window";
import type { ListingPrefix, PrefixVerdict } from "./listing-progress";
import { toCanPartitions, type PreviewSource } from "./plan-calendar";
import type { PlanYearPreview } from "./plan-calendar-types";
import { getPlanCached } from "./plans";
import { serverToday } from "./server-today";

/** Where the calendar read (`onPreviewSource`) hands the preview its source (`source`). */
export function previewChannel(): { onPreviewSource: (source: PreviewSource) => void; source: Promise<PreviewSource> } {
  let onPreviewSource: (source: PreviewSource) => void = () => undefined;
  const source = new Promise<PreviewSource>((resolve) => (onPreviewSource = resolve));
  return { onPreviewSource, source };
}

/**
 * Null when the pages read do not prove the year complete before the whole list is in (an order
 * other than newest first, a value that is not a day), when the list is one page (or its last page
 * is what proves it), for plans other than DAY (a MONTH plan's grid shows every year at once), and
 * when the read ends first.
 */
export async function previewPlanYear(
  tenant: Tenant,
  uuid: string,
  source: PreviewSource,
  requestedYear: string | null,
  now = new Date(),
): Promise<PlanYearPreview | null> {
  const plan = await getPlanCached(tenant, uuid);
  if (plan.granularity?.toUpperCase() !== "DAY") return null;
  const g = "DAY";
  const expectedEnd = expectedWindow(plan, g, [], source.recorded, now).end;
  let year: number | null = null;
  const judge = incrementalOrder((order, prefix): PrefixVerdict => {
    // The whole list is in: the full page follows at once, a preview would only flash before it.
    if (order.kind === "unproven" || prefix.pages.length >= prefix.pageCount) return "never";
    // The calendar's window ends at the newest of what it expects, CAN's newest (page 1's first,
    // the list being newest first) and the console's marks: the year it opens on follows from it.
    year ??= openingYear(requestedYear, order.newest > expectedEnd ? order.newest : expectedEnd);
    return prefixCoversYear(order, year, g) ? "take" : "wait";
  });
  const prefix = await source.progress.when(judge);
  if (!prefix || year === null) return null;
  const items = prefix.pages.flat();
  const { canList } = toCanPartitions(items, g);
  const window = expectedWindow(plan, g, canList, source.recorded, now);
  // The prefix reaches before the year's first day, so both windows start before it: clipped to
  // the year, the full read's window and this one are the same days.
  const first = firstKeyOfYear(year, g);
  const last = `${year}-12-31`;
  const shown = { start: window.start > first ? window.start : first, end: window.end < last ? window.end : last };
  const today = serverToday(g, now).key;
  return {
    year,
    runs: resolveStatuses({ window: shown, granularity: g, canList, recorded: source.recorded }),
    today,
    latest: window.end < today ? window.end : today,
    listShape: items.some((i) => typeof i.status === "string" && i.status.trim() !== "") ? "with-status" : "materialized-only",
    pagesRead: prefix.pages.length,
    pageCount: prefix.pageCount,
  };
}

/** Judges each prefix by its order, reading only the pages it has not read yet (a new attempt starts over). */
function incrementalOrder(judge: (order: PrefixOrder, prefix: ListingPrefix) => PrefixVerdict): (prefix: ListingPrefix) => PrefixVerdict {
  let firstPage: readonly PartitionItem[] | undefined;
  let checked = 0;
  let order: PrefixOrder | null = null;
  return (prefix) => {
    if (prefix.pages[0] !== firstPage || prefix.pages.length < checked) {
      firstPage = prefix.pages[0];
      checked = 0;
      order = null;
    }
    const fresh = prefix.pages.slice(checked).map((page) => page.map((i) => i.value));
    order = newestFirstPrefix(fresh, "DAY", order);
    checked = prefix.pages.length;
    return judge(order, prefix);
  };
}
