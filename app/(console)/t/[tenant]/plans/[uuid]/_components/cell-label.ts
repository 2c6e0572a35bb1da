"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { PartitionStatus } from "@/lib/partitions";
import { INTL_LOCALE } from "@/i18n/locales";

/**
 * "22 October 2025" / "2025年10月22日" (or the month alone) for a key, in UTC so every zone reads the
 * same date. Made once per language: a year's grid asks for 365 labels.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function dateFormatter(locale: string, withDay: boolean): Intl.DateTimeFormat {
  const id = `${locale}|${withDay}`;
  let f = FORMATTERS.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", ...(withDay ? { day: "numeric" } : {}) });
    FORMATTERS.set(id, f);
  }
  return f;
}

/**
 * What a screen reader hears for one cell: the date (spelled so the day number shown in the cell is
 * part of it), "today" when it is, its status, and whether it is selected, in the page's language.
 * The date is built from the key at midnight UTC and written in UTC, so it reads the same in every zone.
 */
export type CellLabel = (key: string, status: PartitionStatus | undefined, selected: boolean, future: boolean, today?: boolean) => string;

/** Called once per calendar (the cells get it through the calendar context); stable while the language is. */
export function useCellLabel(): CellLabel {
  const locale = useLocale();
  const t = useTranslations("plan.cell");
  const tStatus = useTranslations("status.lower");
  return useMemo(() => {
    const days = dateFormatter(INTL_LOCALE[locale], true);
    const months = dateFormatter(INTL_LOCALE[locale], false);
    return (key: string, status: PartitionStatus | undefined, selected: boolean, future: boolean, today = false) => {
      const [y = 1970, m = 1, d] = key.split("-").map(Number);
      const date = d === undefined ? months.format(Date.UTC(y, m - 1, 1)) : days.format(Date.UTC(y, m - 1, d));
      const state = future ? t("future") : status ? tStatus(status) : t("outside");
      return t("label", { date, today: String(today), state, selected: String(selected) });
    };
  }, [locale, t, tStatus]);
}
