import type { PlanView } from "@/lib/services/plan-view";

export function PartitionList({ view }: { view: PlanView }) {
  if (!view.partitions) {
    return (
      <section className="rounded border border-slate-300 bg-white p-4">
        <h2 className="text-lg font-semibold">Partitions</h2>
        <p className="mt-2 text-sm">This is a full-refresh table: it has no partitions.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="partitions-heading" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="partitions-heading" className="text-lg font-semibold">
        Partitions <span className="text-sm font-normal text-slate-600">({view.partitions.length} listed by CAN)</span>
      </h2>
      {view.partitions.length === 0 ? (
        <p className="mt-2 text-sm">CAN lists no partition for this plan.</p>
      ) : (
        <ul className="mt-2 grid max-h-96 grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-1 overflow-auto text-sm tabular-nums" tabIndex={0} aria-label="Partitions listed by CAN">
          {view.partitions.map((p) => (
            <li key={p.value} className="rounded bg-slate-100 px-2 py-0.5">
              {p.value}
              {p.status ? ` · ${p.status}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
