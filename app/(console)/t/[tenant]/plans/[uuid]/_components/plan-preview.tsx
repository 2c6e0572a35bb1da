"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { StatusLegend } from "@/components/calendar/status-legend";
import { statusAt, type Selection } from "@/lib/partitions";
import type { PlanTitle, PlanYearPreview } from "@/lib/services/plan-calendar-types";
import { CalendarCellsContext, type CalendarCells } from "./calendar-context";
import { useCellLabel } from "./cell-label";
import { BackToPlans, PlanHeading } from "./plan-heading";
import { useTodayKey } from "./use-today";
import { createValueStore } from "./value-store";
import { YearGrid } from "./year-grid";

const ignore = () => undefined;

/**
 * The plan page while the rest of a long partition list is read: the year the calendar will open on,
 * drawn by the calendar's own year grid from the first pages of CAN's list once they prove that
 * year complete (lib/services/plan-preview.ts). Read-only: the cells select nothing (each is
 * aria-disabled, so a screen reader says so), and there is no history strip, no count and no mark
 * button, which all need the whole list. The full page replaces it in the same response.
 */
export function PlanPreview({ tenantId, title, preview }: { tenantId: string; title: PlanTitle | null; preview: PlanYearPreview }) {
  const t = useTranslations("plan");
  const cellLabel = useCellLabel();
  const today = useTodayKey("DAY", preview.today);
  const [store] = useState(() => createValueStore<Selection>([]));
  const [focused] = useState(() => createValueStore<string | null>(null));
  const cells = useMemo<CalendarCells>(
    () => ({
      statusOf: (key) => statusAt(preview.runs, key),
      today,
      latest: preview.latest < today ? preview.latest : today,
      readOnly: true,
      pressable: false,
      cellLabel,
      store,
      focused,
      pointerDown: ignore,
      pointerEnter: ignore,
      keyboardMove: ignore,
      toggle: ignore,
      selectKeyOnly: ignore,
      clear: ignore,
    }),
    [preview, today, cellLabel, store, focused],
  );
  const year = String(preview.year);
  return (
    <div className="space-y-4" aria-busy="true" data-testid="plan-preview">
      <BackToPlans tenantId={tenantId} />
      {title && (
        // The loaded page's heading line (plan-screen.tsx), as in the skeleton before this.
        <PlanHeading displayName={title.displayName} name={title.name} />
      )}
      <p role="status" className="rounded border border-slate-300 bg-white p-3 text-sm">
        {t("preview.status", { year, pagesRead: preview.pagesRead, pageCount: preview.pageCount })}
      </p>
      <CalendarCellsContext.Provider value={cells}>
        <StatusLegend shape={preview.listShape} />
        <h2 className="text-xl font-semibold tabular-nums">{year}</h2>
        <div role="group" aria-label={t("preview.grid", { year })}>
          <YearGrid year={preview.year} today={today} onYearChange={ignore} />
        </div>
      </CalendarCellsContext.Provider>
    </div>
  );
}
