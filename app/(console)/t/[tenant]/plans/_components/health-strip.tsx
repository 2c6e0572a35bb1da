"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";
import { OUTSIDE_LOOK, STATUS_LOOK } from "@/components/calendar/status-style";
import type { StripCell } from "@/lib/services/plan-health";
import type { Granularity } from "@/lib/partitions";
import { useCellLabel } from "../[uuid]/_components/cell-label";

/** Where a cell leads: the plan's calendar at that partition's year, the partition selected. */
export function cellHref(tenantId: string, uuid: string, key: string, g: Granularity): string {
  const query = new URLSearchParams(g === "DAY" ? { year: key.slice(0, 4), sel: key } : { sel: key });
  return `/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(uuid)}?${query.toString()}`;
}

/**
 * A plan's recent partitions, oldest to newest, in the calendar's colours, patterns and icons, each
 * named like the calendar's cell. One tab stop per strip (the newest cell); arrow keys, Home and End
 * move along it, so a page of strips is not six hundred tab stops. Where the table is short of room (a
 * phone, a narrow window) a strip wraps onto a second line rather than widen the table past its box.
 */
export function HealthStrip({
  tenantId,
  uuid,
  name,
  granularity,
  cells,
}: {
  tenantId: string;
  uuid: string;
  name: string;
  granularity: Granularity;
  cells: readonly StripCell[];
}) {
  const t = useTranslations("plans.health");
  const cellLabel = useCellLabel();
  const list = useRef<HTMLUListElement>(null);
  const move = (e: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const to = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: cells.length - 1 }[e.key];
    if (to === undefined || to < 0 || to >= cells.length) return;
    e.preventDefault();
    const links = list.current?.querySelectorAll<HTMLAnchorElement>("a");
    links?.forEach((a, i) => (a.tabIndex = i === to ? 0 : -1));
    links?.[to]?.focus();
  };
  const width = granularity === "DAY" ? "w-3" : "w-5";
  return (
    <ul ref={list} aria-label={t("stripLabel", { name })} className="flex flex-wrap gap-px" data-testid="health-strip">
      {cells.map((c, i) => {
        const look = c.status ? STATUS_LOOK[c.status] : OUTSIDE_LOOK;
        return (
          <li key={c.key}>
            <Link
              href={cellHref(tenantId, uuid, c.key, granularity)}
              // A page of strips is hundreds of links, each to its own URL: prefetching them asked the
              // server for ~80 plan pages while the plans page was still hydrating (Lighthouse's trace).
              prefetch={false}
              tabIndex={i === cells.length - 1 ? 0 : -1}
              onKeyDown={(e) => move(e, i)}
              aria-label={cellLabel(c.key, c.status ?? undefined, false, false)}
              title={cellLabel(c.key, c.status ?? undefined, false, false)}
              data-key={c.key}
              data-status={c.status ?? "outside"}
              className={`flex h-6 ${width} items-center justify-center rounded-sm text-[9px] leading-none focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 ${look.cell}`}
            >
              <span aria-hidden="true">{look.icon}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
