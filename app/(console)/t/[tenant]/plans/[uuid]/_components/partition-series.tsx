import { useTranslations } from "next-intl";
import { STATUS_LOOK } from "@/components/calendar/status-style";
import type { ReadOnlySeries, SeriesCell } from "@/lib/partitions";

/** A periodic plan the console cannot mark: one cell per period, the periods CAN does not list shown as gaps. Read-only. */
export function PartitionSeries({ series, total, shown }: { series: ReadOnlySeries; total: number; shown: number }) {
  const { unit, cells, gaps, offGrid, truncated } = series;
  const t = useTranslations("plan.series");
  const tList = useTranslations("plan.readOnlyList");
  return (
    <section aria-labelledby="partitions-heading" className="space-y-2 rounded border border-slate-300 bg-white p-4">
      <h2 id="partitions-heading" className="text-lg font-semibold">
        {tList("heading")}{" "}
        <span className="text-sm font-normal text-slate-600">{shown < total ? t("countRead", { total, shown }) : tList("count", { total })}</span>
      </h2>
      <p className="text-sm">
        {t("perCell", { unit })} <strong>{gaps === 0 ? t("noGaps", { unit }) : t("gaps", { unit, gaps })}</strong>
      </p>
      <ol
        className="grid max-h-96 grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-1 overflow-auto text-sm tabular-nums"
        tabIndex={0}
        aria-label={t("listLabel", { unit })}
      >
        {cells.map((cell) => (
          <SeriesItem key={cell.key} cell={cell} />
        ))}
      </ol>
      {truncated && <p className="text-sm text-slate-700">{t("truncated", { unit, cells: cells.length })}</p>}
      {offGrid.length > 0 && (
        <p className="text-sm">{t.rich("offGrid", { unit, count: offGrid.length, values: () => <span className="font-mono">{offGrid.join(", ")}</span> })}</p>
      )}
    </section>
  );
}

function SeriesItem({ cell }: { cell: SeriesCell }) {
  const t = useTranslations("plan.series");
  const tStatus = useTranslations("status.label");
  if (!cell.listed) {
    const look = STATUS_LOOK.missing;
    return (
      <li className={`flex items-center justify-between gap-1 whitespace-nowrap rounded px-2 py-0.5 ${look.cell}`} data-key={cell.key} data-status="missing">
        <span>{cell.key}</span>
        <span>
          <span aria-hidden="true">{look.icon} </span>
          {t("gap")}
        </span>
      </li>
    );
  }
  // Documented reading: a listed partition is materialized. A status CAN sent and we cannot read is shown as it came.
  const status = cell.rawStatus === null ? "success" : cell.status;
  const look = status ? STATUS_LOOK[status] : STATUS_LOOK.unknown;
  const label = status ? tStatus(status) : `CAN: ${cell.rawStatus}`;
  return (
    <li
      className={`flex items-center justify-between gap-1 whitespace-nowrap rounded px-2 py-0.5 ${look.cell}`}
      data-key={cell.key}
      data-status={status ?? "unknown"}
      title={cell.value === cell.key ? undefined : t("canValue", { value: cell.value })}
    >
      <span>{cell.key}</span>
      <span>
        <span aria-hidden="true">{look.icon} </span>
        {label}
      </span>
    </li>
  );
}
