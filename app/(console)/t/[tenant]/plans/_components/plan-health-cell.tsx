"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Time } from "@/components/time/time";
import type { PlanOverview } from "@/lib/services/plans";
import { HealthStrip } from "./health-strip";
import type { ShownHealth } from "./use-plans-health";

/** The plans table's health column for one row: strip, counts, latest success and freshness. */
export function PlanHealthCell({ tenantId, plan, shown }: { tenantId: string; plan: PlanOverview; shown: ShownHealth }) {
  const t = useTranslations("plans.health");
  const tStatus = useTranslations("status.label");
  if (shown.state === "loading") {
    return (
      <div role="status" className="flex items-center gap-2 text-xs text-slate-600" data-testid="health-loading">
        <span aria-hidden="true" className="h-6 w-40 animate-pulse rounded bg-slate-200" />
        {t("loading")}
      </div>
    );
  }
  const h = shown.health;
  if (h.kind === "none") return <span className="text-slate-500">—</span>;
  if (h.kind === "error") {
    return (
      <p className="text-xs text-red-800" data-testid="health-error">
        {h.problem ? t.rich("error", { problem: h.problem, can: (chunks) => <span data-can="">{chunks}</span> }) : t("errorUnknown")}
      </p>
    );
  }
  if (h.kind === "full-refresh") {
    return (
      <p className="text-xs text-slate-700" data-testid="health-refresh">
        {h.lastRefresh ? t.rich("refreshMarked", { at: () => <Time iso={h.lastRefresh?.at ?? ""} />, actor: h.lastRefresh.actor }) : t("refreshNever")}
      </p>
    );
  }
  const unit = h.granularity === "DAY" ? "days" : "months";
  return (
    // Never narrower than about twelve days of strip: a squeezed column would stack it into five rows.
    <div className="min-w-40 space-y-1">
      <HealthStrip tenantId={tenantId} uuid={plan.uuid} name={plan.displayName} granularity={h.granularity} cells={h.cells} />
      <p className="flex flex-wrap gap-x-3 text-xs">
        {h.lateBy === null ? (
          <span className="font-semibold text-red-800" data-testid="freshness">
            {t("noSuccess")}
          </span>
        ) : h.lateBy > 0 ? (
          <span className="font-semibold text-red-800" data-testid="freshness">
            <span aria-hidden="true">⚠ </span>
            {t(unit === "days" ? "lateDays" : "lateMonths", { n: h.lateBy })}
          </span>
        ) : (
          <span className="text-slate-700" data-testid="freshness">
            <span aria-hidden="true">✓ </span>
            {t("onTime")}
          </span>
        )}
        <span className="text-slate-700" data-testid="latest-success">
          {h.latestSuccess
            ? t.rich("latestSuccess", { key: h.latestSuccess, expected: h.expected, date: keepWhole })
            : t.rich("expected", { expected: h.expected, date: keepWhole })}
        </span>
        <span className="text-slate-700" data-testid="window-counts">
          {t("counts", {
            failedLabel: tStatus("failed"),
            failed: h.counts.failed,
            missingLabel: tStatus("missing"),
            missing: h.counts.missing,
            unknownLabel: tStatus("unknown"),
            unknown: h.counts.unknown,
          })}
        </span>
      </p>
    </div>
  );
}

/** A partition key on one line: a narrow cell would otherwise break "2026-09-26" at a hyphen. */
const keepWhole = (chunks: ReactNode) => <span className="whitespace-nowrap">{chunks}</span>;
