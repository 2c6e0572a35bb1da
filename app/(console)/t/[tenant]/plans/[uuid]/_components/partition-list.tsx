/** CAN's own values, for plans the calendar cannot draw (unsupported granularity). */
export function PartitionList({ values, total }: { values: string[]; total: number }) {
  return (
    <section aria-labelledby="partitions-heading" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="partitions-heading" className="text-lg font-semibold">
        Partitions{" "}
        <span className="text-sm font-normal text-slate-600">
          ({total} listed by CAN{values.length < total ? `, newest ${values.length} shown` : ""})
        </span>
      </h2>
      {values.length === 0 ? (
        <p className="mt-2 text-sm">CAN lists no partition for this plan.</p>
      ) : (
        <ul
          className="mt-2 grid max-h-96 grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-1 overflow-auto text-sm tabular-nums"
          tabIndex={0}
          aria-label="Partitions listed by CAN"
        >
          {values.map((v) => (
            <li key={v} className="rounded bg-slate-100 px-2 py-0.5">
              {v}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
