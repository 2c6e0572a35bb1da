import type { PlanCalendar } from "@/lib/services/plan-calendar-types";

export function PlanDetailsCard({ calendar }: { calendar: PlanCalendar }) {
  const { plan } = calendar;
  const table = plan.table ? [plan.table.catalog, plan.table.schema, plan.table.name].filter(Boolean).join(".") : "—";
  const rows: [string, string][] = [
    ["Name", plan.name],
    ["UUID", plan.uuid],
    ["Type", plan.materializeType],
    ["Granularity", plan.granularity ?? "—"],
    ["Refresh", calendar.mode.kind === "full-refresh" ? "Full refresh" : "Incremental"],
    ["Schedule (cron)", plan.refresh.cron ?? "—"],
    ["Update window", plan.refresh.lowerInterval !== undefined ? `${plan.refresh.lowerInterval} .. ${plan.refresh.upperInterval ?? "?"}` : "—"],
    ["Materialized table", table],
    ["Table has data", calendar.hasData ? "Yes" : "No"],
    ["Expected window", calendar.window ? `${calendar.window.start} .. ${calendar.window.end}` : "—"],
  ];
  return (
    <details className="rounded border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">Plan details</summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
