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

/** Stands for the date while a label's words are formatted; never in a translation. */
const DATE_SLOT = "\u0000";

/**
 * Called once per calendar (the cells get it through the calendar context); stable while the language is.
 * The words around the date take a handful of forms (today or not, the state, selected or not), so
 * each is formatted once with a slot for the date: clearing a selection of 300 days re-labels 300
 * cells in one click, each of which went through the message formatter.
 */
export function useCellLabel(): CellLabel {
  const locale = useLocale();
  const t = useTranslations("plan.cell");
  const tStatus = useTranslations("status.lower");
  return useMemo(
    () =>
      cellLabeller(INTL_LOCALE[locale], {
        future: t("future"),
        outside: t("outside"),
        status: (status) => tStatus(status),
        label: (values) => t("label", values),
      }),
    [locale, t, tStatus],
  );
}

export type CellWords = {
  future: string;
  outside: string;
  status: (status: PartitionStatus) => string;
  label: (values: { date: string; today: string; state: string; selected: string }) => string;
};

export function cellLabeller(intlLocale: string, words: CellWords): CellLabel {
  const days = dateFormatter(intlLocale, true);
  const months = dateFormatter(intlLocale, false);
  const forms = new Map<string, string>();
  return (key, status, selected, future, today = false) => {
    const [y = 1970, m = 1, d] = key.split("-").map(Number);
    const date = d === undefined ? months.format(Date.UTC(y, m - 1, 1)) : days.format(Date.UTC(y, m - 1, d));
    const state = future ? words.future : status ? words.status(status) : words.outside;
    const id = `${state}|${today}|${selected}`;
    let form = forms.get(id);
    if (form === undefined) {
      form = words.label({ date: DATE_SLOT, today: String(today), state, selected: String(selected) });
      forms.set(id, form);
    }
    return form.replace(DATE_SLOT, date);
  };
}
