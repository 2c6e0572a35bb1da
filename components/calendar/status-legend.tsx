import { useTranslations } from "next-intl";
import { PARTITION_STATUSES, type PartitionStatus } from "@/lib/partitions";
import type { ListShape } from "@/lib/services/plan-calendar-types";
import { STATUS_LOOK } from "./status-style";

// What each status means depends on what CAN's list can say (docs/decisions/0002-can-ambiguities.md):
// CAN's documented list holds materialized partitions only, with no status, so a partition that is
// absent may have failed, been cleared or never run; a list whose items carry a status says more.
// The meanings (messages: status.meaning.<shape>) never claim more than the list tells.

/**
 * The key to the calendar: every status with its swatch, icon, count and what it means for this plan's list.
 * Without `counts` (the plan page's preview, before the whole list is read) the counts are left out.
 */
export function StatusLegend({ counts, shape }: { counts?: Record<PartitionStatus, number>; shape: ListShape }) {
  const t = useTranslations("status");
  const tLegend = useTranslations("legend");
  return (
    <section aria-label={tLegend("label")} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        {PARTITION_STATUSES.map((s) => (
          <div key={s} className="flex items-center gap-2" title={t(`meaning.${shape}.${s}`)}>
            <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded text-[11px] ${STATUS_LOOK[s].cell}`}>
              {STATUS_LOOK[s].icon}
            </span>
            <span>
              {t(`label.${s}`)}
              {counts && (
                <>
                  {" "}
                  <span className="tabular-nums font-semibold" data-testid={`count-${s}`}>
                    {counts[s]}
                  </span>
                </>
              )}
            </span>
          </div>
        ))}
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-5 w-5 rounded bg-white opacity-60 ring-1 ring-slate-300" />
          <span>{tLegend("future")}</span>
        </div>
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="relative inline-block h-5 w-5 rounded bg-white shadow-[0_0_0_2px_#fff,0_0_0_5px_#020617]">
            <span className="day-check" />
          </span>
          <span>{tLegend("selected")}</span>
        </div>
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className="relative inline-flex h-5 w-5 items-end justify-center rounded bg-white pb-[2px] ring-1 ring-slate-300">
            <span className="h-[3px] w-2.5 rounded bg-slate-900" />
          </span>
          <span>{tLegend("today")}</span>
        </div>
      </div>
      <details>
        <summary className="cursor-pointer font-medium">{tLegend("meanings")}</summary>
        <p className="mt-1 text-slate-700">{t(`shapeNote.${shape}`)}</p>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1" data-testid="status-meanings">
          {PARTITION_STATUSES.map((s) => (
            <div key={s} className="contents">
              <dt className="font-semibold">{t(`label.${s}`)}</dt>
              <dd>{t(`meaning.${shape}.${s}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
