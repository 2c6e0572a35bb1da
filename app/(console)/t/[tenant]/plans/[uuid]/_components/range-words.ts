"use client";

import { useTranslations } from "next-intl";
import type { FutureRefusal, ServerToday } from "@/lib/marks/future";
import type { KeyRange } from "@/lib/partitions";

/** Ranges as a person reads them, at most `max`, the rest counted ("… and 2 more ranges"); keys stay ISO. */
export function useDescribeRanges(): (ranges: readonly KeyRange[], max?: number) => string {
  const t = useTranslations("plan.ranges");
  return (ranges, max = 3) => {
    const shown = ranges
      .slice(0, max)
      .map((r) => (r.start === r.end ? r.start : `${r.start}..${r.end}`))
      .join(", ");
    return ranges.length > max ? t("andMore", { shown, more: ranges.length - max }) : shown;
  };
}

/**
 * Why success and failed are refused for these future partitions, in the page's language. The rule
 * itself is lib/marks/future.ts, shared with the server and the `/can` API (whose message stays English).
 */
export function useFutureRefusalText(): (refusal: FutureRefusal, today: ServerToday) => string {
  const t = useTranslations("plan.future");
  const describe = useDescribeRanges();
  return (refusal, today) => t("refused", { count: refusal.partitions, today: today.key, zone: today.zone, ranges: describe(refusal.ranges) });
}
