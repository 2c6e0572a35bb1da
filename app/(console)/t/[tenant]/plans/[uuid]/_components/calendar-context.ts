"use client";

import { createContext, useContext } from "react";
import type { PartitionKey, PartitionStatus } from "@/lib/partitions";
import type { CellLabel } from "./cell-label";
import type { PointerMods, SelectionStore } from "./use-selection";
import type { ValueStore } from "./value-store";

/**
 * What every cell needs, provided once so the cells stay small. The value changes only when the
 * statuses, today or the read-only flag do: the selection and the focused day are stores that each
 * cell reads through a selector, so a selection change does not reach every consumer.
 */
export type CalendarCells = {
  statusOf: (key: PartitionKey) => PartitionStatus | undefined;
  today: PartitionKey;
  /** The latest partition the plan expects, never after today: where Tab first lands in the grid. */
  latest: PartitionKey;
  readOnly: boolean;
  /** False while the page shows a preview of the list (plan-preview.tsx): pressing a cell does nothing, and each cell says so (aria-disabled). */
  pressable: boolean;
  /** What a screen reader hears for a cell, in the page's language (made once for all cells). */
  cellLabel: CellLabel;
  store: SelectionStore;
  /** The day that last had the focus: the year grid's tab stop. */
  focused: ValueStore<PartitionKey | null>;
  pointerDown: (key: PartitionKey, mods: PointerMods) => void;
  pointerEnter: (key: PartitionKey, buttons: number) => void;
  keyboardMove: (from: PartitionKey, to: PartitionKey, mods: { shift: boolean; additive: boolean }) => void;
  toggle: (key: PartitionKey) => void;
  selectKeyOnly: (key: PartitionKey) => void;
  clear: () => void;
};

export const CalendarCellsContext = createContext<CalendarCells | null>(null);

export function useCalendarCells(): CalendarCells {
  const ctx = useContext(CalendarCellsContext);
  if (!ctx) throw new Error("calendar cells rendered outside their calendar");
  return ctx;
}
