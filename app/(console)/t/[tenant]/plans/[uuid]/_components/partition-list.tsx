import { useTranslations } from "next-intl";

/** CAN's own values, for plans the calendar cannot draw (unsupported granularity). */
export function PartitionList({ values, total }: { values: string[]; total: number }) {
  const t = useTranslations("plan.readOnlyList");
  return (
    <section aria-labelledby="partitions-heading" className="rounded border border-slate-300 bg-white p-4">
      <h2 id="partitions-heading" className="text-lg font-semibold">
        {t("heading")}{" "}
        <span className="text-sm font-normal text-slate-600">
          {values.length < total ? t("countSome", { total, shown: values.length }) : t("count", { total })}
        </span>
      </h2>
      {values.length === 0 ? (
        <p className="mt-2 text-sm">{t("empty")}</p>
      ) : (
        <ul
          className="mt-2 grid max-h-96 grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-1 overflow-auto text-sm tabular-nums"
          tabIndex={0}
          aria-label={t("listLabel")}
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
