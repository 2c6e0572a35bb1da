"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, type RefObject } from "react";
import { useAuditWords } from "@/components/audit/labels";
import { Time } from "@/components/time/time";
import { statusAt, type StatusRun } from "@/lib/partitions";
import type { Disagreement } from "@/lib/partitions";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";
import { useInspectedCell } from "./inspected-cell-store";

/** The one popover that describes the cell being hovered or focused (that cell points at it with aria-describedby). */
export const CELL_DETAILS_ID = "cell-details";

const GAP = 6;

/**
 * The hovered or focused cell, in words, next to the cell: date, status, who last changed it here
 * and when, a later change seen from outside the console, and any disagreement. It follows the
 * keyboard focus, stays while the pointer rests on its cell, and Escape hides it.
 * `area`: the positioned element the popover is placed in (it holds the cells).
 */
export function CellDetails({
  calendar,
  runs,
  today,
  area,
}: {
  calendar: PlanCalendar;
  runs: readonly StatusRun[];
  today: string;
  area: RefObject<HTMLElement | null>;
}) {
  const key = useInspectedCell();
  const box = useRef<HTMLDivElement>(null);
  const described = useRef<HTMLElement | null>(null);

  // Placed on the DOM after layout (below the cell, inside the area's width), and only that cell is
  // described by it: moving across the grid renders this popover once per cell and no cell at all.
  useLayoutEffect(() => {
    const el = box.current;
    const root = area.current;
    const cell = key ? (root?.querySelector<HTMLElement>(`button[data-key="${key}"]`) ?? null) : null;
    if (described.current !== cell) described.current?.removeAttribute("aria-describedby");
    described.current = cell;
    if (!el) return;
    if (!root || !cell) {
      el.style.visibility = "hidden";
      return;
    }
    cell.setAttribute("aria-describedby", CELL_DETAILS_ID);
    const r = root.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    el.style.top = `${c.bottom - r.top + GAP}px`;
    el.style.left = `${Math.max(0, Math.min(c.left - r.left, r.width - el.offsetWidth))}px`;
    el.style.visibility = "visible";
  }, [key, area]);

  return (
    <div
      ref={box}
      id={CELL_DETAILS_ID}
      role="tooltip"
      data-testid="cell-inspector"
      hidden={key === null}
      style={{ visibility: "hidden" }}
      className="pointer-events-none absolute z-20 w-80 max-w-full rounded border border-slate-400 bg-white p-2 text-sm shadow-lg"
    >
      {key && <Details calendar={calendar} runs={runs} cellKey={key} today={today} />}
    </div>
  );
}

function Details({ calendar, runs, cellKey: key, today }: { calendar: PlanCalendar; runs: readonly StatusRun[]; cellKey: string; today: string }) {
  const t = useTranslations("plan.details");
  const tStatus = useTranslations("status");
  const words = useAuditWords();
  const status = statusAt(runs, key);
  const change = calendar.lastChanges.find((c) => c.start <= key && key <= c.end);
  const outside = calendar.outsideChanges.find((c) => c.start <= key && key <= c.end);
  // A console mark after the outside change is the newer story; the outside change is shown otherwise.
  const outsideIsNewer = outside && (!change || Date.parse(change.at) <= Date.parse(outside.to));
  const disagreement = calendar.disagreements.find((d) => d.key === key);
  const future = key > today;
  return (
    <>
      <p>
        <span className="font-semibold tabular-nums">{key}</span>
        {key === today && ` ${t("today")}`}
        {" · "}
        {future
          ? t("future")
          : status
            ? t("status", { label: tStatus(`label.${status}`), meaning: tStatus(`meaning.${calendar.listShape ?? "materialized-only"}.${status}`) })
            : t("outside")}
      </p>
      {change && (
        <p className="mt-1">
          {t.rich("lastMarked", {
            status: words.status(change.status),
            actor: () => <span className="font-medium">{change.actor}</span>,
            at: () => <Time iso={change.at} />,
          })}
          {change.outcome === "unknown" ? ` ${t("outcomeUnknown")}` : ""}
        </p>
      )}
      {outside && outsideIsNewer && (
        <p className="mt-1" data-testid="outside-change">
          {t.rich("outsideChange", {
            became: words.became(outside.after),
            from: () => <Time iso={outside.from} />,
            to: () => <Time iso={outside.to} />,
          })}
        </p>
      )}
      {disagreement && (
        <p className="mt-1 text-amber-900">
          ⚠ <DisagreementText disagreement={disagreement.disagreement} />
        </p>
      )}
    </>
  );
}

/** What CAN says against what this console recorded, in the reader's words; CAN's own status string is shown as sent. */
function DisagreementText({ disagreement: d }: { disagreement: Disagreement }) {
  const t = useTranslations("plan.details.disagreement");
  const words = useAuditWords();
  if (d.kind === "unrecognised") return <>{t("unrecognised", { raw: d.raw })}</>;
  const marked = {
    status: words.status(d.mark.status),
    actor: () => <span className="font-medium">{d.mark.actor}</span>,
    at: () => <Time iso={d.mark.at} />,
  };
  if (d.kind !== "status-but-marked") return <>{t.rich(d.kind, marked)}</>;
  const canStatus = words.status(d.canStatus);
  return (
    <>
      {d.canUpdatedAt
        ? t.rich("status-but-marked", { ...marked, canStatus, canUpdatedAt: d.canUpdatedAt })
        : t.rich("status-but-marked-untimed", { ...marked, canStatus })}
    </>
  );
}
