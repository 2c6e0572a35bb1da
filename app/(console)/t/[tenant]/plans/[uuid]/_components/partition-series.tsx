import { STATUS_LOOK } from "@/components/calendar/status-style";
import type { ReadOnlySeries, SeriesCell } from "@/lib/partitions";

const UNIT_PLURAL: Record<ReadOnlySeries["unit"], string> = { week: "weeks", quarter: "quarters", year: "years" };

/** A periodic plan the console cannot mark: one cell per period, the periods CAN does not list shown as gaps. Read-only. */
export function PartitionSeries({ series, total, shown }: { series: ReadOnlySeries; total: number; shown: number }) {
  const { unit, cells, gaps, offGrid, truncated } = series;
  const plural = UNIT_PLURAL[unit];
  return (
    <section aria-labelledby="partitions-heading" className="space-y-2 rounded border border-slate-300 bg-white p-4">
      <h2 id="partitions-heading" className="text-lg font-semibold">
        Partitions{" "}
        <span className="text-sm font-normal text-slate-600">
          ({total} listed by CAN{shown < total ? `, newest ${shown} read` : ""})
        </span>
      </h2>
      <p className="text-sm">
        One cell per {unit}, newest first.{" "}
        <strong>
          {gaps === 0
            ? `No gaps: CAN lists every ${unit} between the newest and the oldest shown.`
            : `${gaps} ${gaps === 1 ? unit : plural} between the newest and the oldest shown ${gaps === 1 ? "is" : "are"} not listed by CAN.`}
        </strong>
      </p>
      <ol
        className="grid max-h-96 grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-1 overflow-auto text-sm tabular-nums"
        tabIndex={0}
        aria-label={`Partitions by ${unit}, newest first`}
      >
        {cells.map((cell) => (
          <SeriesItem key={cell.key} cell={cell} />
        ))}
      </ol>
      {truncated && (
        <p className="text-sm text-slate-700">
          Older {plural} are not drawn: the grid stops after {cells.length} cells.
        </p>
      )}
      {offGrid.length > 0 && (
        <p className="text-sm">
          Not on the {unit}ly step, shown as CAN sent {offGrid.length === 1 ? "it" : "them"}: <span className="font-mono">{offGrid.join(", ")}</span>
        </p>
      )}
    </section>
  );
}

function SeriesItem({ cell }: { cell: SeriesCell }) {
  if (!cell.listed) {
    const look = STATUS_LOOK.missing;
    return (
      <li className={`flex items-center justify-between gap-1 whitespace-nowrap rounded px-2 py-0.5 ${look.cell}`} data-key={cell.key} data-status="missing">
        <span>{cell.key}</span>
        <span>
          <span aria-hidden="true">{look.icon} </span>gap
        </span>
      </li>
    );
  }
  // Documented reading: a listed partition is materialized. A status CAN sent and we cannot read is shown as it came.
  const status = cell.rawStatus === null ? "success" : cell.status;
  const look = status ? STATUS_LOOK[status] : STATUS_LOOK.unknown;
  const label = status ? look.label : `CAN: ${cell.rawStatus}`;
  return (
    <li
      className={`flex items-center justify-between gap-1 whitespace-nowrap rounded px-2 py-0.5 ${look.cell}`}
      data-key={cell.key}
      data-status={status ?? "unknown"}
      title={cell.value === cell.key ? undefined : `CAN's value: ${cell.value}`}
    >
      <span>{cell.key}</span>
      <span>
        <span aria-hidden="true">{look.icon} </span>
        {label}
      </span>
    </li>
  );
}
