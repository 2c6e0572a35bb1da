"use client";

import { useTranslations } from "next-intl";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";

/**
 * Why the console cannot mark this plan, in the page's language, or null when it can. Whether it
 * can is the server's decision (calendar.readOnlyReason, lib/services/plan-calendar.ts: only
 * EXTERNAL plans, only DAY and MONTH); this only says it in words.
 */
export function useReadOnlyReason(calendar: PlanCalendar | null): string | null {
  const t = useTranslations("plan.readOnly");
  if (!calendar || calendar.readOnlyReason === null) return null;
  if (calendar.plan.materializeType !== "EXTERNAL") return t("managedByCan", { type: calendar.plan.materializeType });
  return t("granularity", { granularity: calendar.mode.kind === "unsupported" ? (calendar.mode.granularity ?? "—") : (calendar.plan.granularity ?? "—") });
}
