import { PARTITION_STATUSES, type PartitionStatus } from "@/lib/partitions";
import { STATUS_LOOK } from "./status-style";

/** The key to the calendar: every status with its swatch, icon, meaning and count. */
export function StatusLegend({ counts }: { counts: Record<PartitionStatus, number> }) {
  return (
    <section aria-label="Legend" className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
      {PARTITION_STATUSES.map((s) => (
        <div key={s} className="flex items-center gap-2" title={STATUS_LOOK[s].description}>
          <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded text-[11px] ${STATUS_LOOK[s].swatch}`}>
            {STATUS_LOOK[s].icon}
          </span>
          <span>
            {STATUS_LOOK[s].label} <span className="tabular-nums font-semibold" data-testid={`count-${s}`}>{counts[s]}</span>
          </span>
        </div>
      ))}
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-5 w-5 rounded bg-white opacity-60 ring-1 ring-slate-300" />
        <span>Future or outside the plan&apos;s window</span>
      </div>
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-5 w-5 rounded bg-white ring-[3px] ring-slate-950 ring-offset-1" />
        <span>Selected</span>
      </div>
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-5 w-5 rounded bg-white outline outline-2 outline-black" />
        <span>Today</span>
      </div>
    </section>
  );
}
