"use client";

import { createContext, useContext } from "react";
import type { PartitionKey, PartitionStatus, Selection } from "@/lib/partitions";
import type { PointerMods } from "./use-selection";

/** What every cell needs, provided once so the cells stay small. */
export type CalendarCells = {
  statusOf: (key: PartitionKey) => PartitionStatus | undefined;
  isSelected: (key: PartitionKey) => boolean;
  today: PartitionKey;
  readOnly: boolean;
  pointerDown: (key: PartitionKey, mods: PointerMods) => void;
  pointerEnter: (key: PartitionKey, buttons: number) => void;
  keyboardMove: (from: PartitionKey, to: PartitionKey, mods: { shift: boolean; additive: boolean }) => void;
  toggle: (key: PartitionKey) => void;
  selectKeyOnly: (key: PartitionKey) => void;
  clear: () => void;
  selection: Selection;
};

export const CalendarCellsContext = createContext<CalendarCells | null>(null);

export function useCalendarCells(): CalendarCells {
  const ctx = useContext(CalendarCellsContext);
  if (!ctx) throw new Error("calendar cells rendered outside their calendar");
  return ctx;
}
