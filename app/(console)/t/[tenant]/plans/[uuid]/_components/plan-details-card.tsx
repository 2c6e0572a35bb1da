import type { PlanView } from "@/lib/services/plan-view";

export function PlanDetailsCard({ view }: { view: PlanView }) {
  const { plan } = view;
  const table = plan.table ? [plan.table.catalog, plan.table.schema, plan.table.name].filter(Boolean).join(".") : "—";
  const rows: [string, string][] = [
    ["Name", plan.name],
    ["UUID", plan.uuid],
    ["Type", plan.materializeType],
    ["Granularity", plan.granularity ?? "—"],
    ["Refresh", plan.refresh.isFullRefresh ?? !view.isPartitioned ? "Full refresh" : "Incremental"],
    ["Schedule (cron)", plan.refresh.cron ?? "—"],
    ["Materialized table", table],
    ["Table has data", view.hasData ? "Yes" : "No"],
  ];
  return (
    <section aria-labelledby="details-heading" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="details-heading" className="text-lg font-semibold">Details</h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
