"use client";

import { becameLabel } from "@/components/audit/labels";
import { STATUS_MEANING } from "@/components/calendar/status-meaning";
import { STATUS_LOOK } from "@/components/calendar/status-style";
import { statusAt, type StatusRun } from "@/lib/partitions";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { useInspectedCell } from "./inspected-cell-store";

/**
 * The hovered or focused cell, in words: date, status, who last changed it here, a later change seen
 * from outside the console, and any disagreement.
 */
export function CellInspector({ calendar, runs }: { calendar: PlanCalendar; runs: readonly StatusRun[] }) {
  const key = useInspectedCell();
  if (!key) return <p className="h-10 text-sm text-slate-600">Hover or focus a partition to see its details.</p>;
  const status = statusAt(runs, key);
  const change = calendar.lastChanges.find((c) => c.start <= key && key <= c.end);
  const outside = calendar.outsideChanges.find((c) => c.start <= key && key <= c.end);
  // A console mark after the outside change is the newer story; the outside change is shown otherwise.
  const outsideIsNewer = outside && (!change || Date.parse(change.at) <= Date.parse(outside.to));
  const disagreement = calendar.disagreements.find((d) => d.key === key);
  return (
    <p className="min-h-10 text-sm" aria-live="polite" data-testid="cell-inspector">
      <span className="font-semibold tabular-nums">{key}</span>
      {" · "}
      {status ? `${STATUS_LOOK[status].label}: ${STATUS_MEANING[calendar.listShape ?? "materialized-only"][status]}` : "outside the plan's window"}
      {change && (
        <>
          {" · "}last marked {change.status} by <span className="font-medium">{change.actor}</span> at {new Date(change.at).toLocaleString()}
          {change.outcome === "unknown" ? " (outcome unknown)" : ""}
        </>
      )}
      {outside && outsideIsNewer && (
        <span className="block" data-testid="outside-change">
          {becameLabel(outside.after)} between {time(outside.from)} and {time(outside.to)}, not through this console
        </span>
      )}
      {disagreement && <span className="block text-amber-900">⚠ {disagreement.message}</span>}
    </p>
  );
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });
