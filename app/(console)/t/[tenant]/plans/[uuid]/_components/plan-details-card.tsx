import { useTranslations } from "next-intl";
import type { PlanCalendar } from "@/lib/services/plan-calendar-types";

export function PlanDetailsCard({ calendar }: { calendar: PlanCalendar }) {
  const t = useTranslations("plan.card");
  const { plan } = calendar;
  const table = plan.table ? [plan.table.catalog, plan.table.schema, plan.table.name].filter(Boolean).join(".") : "—";
  const rows: [string, string][] = [
    [t("name"), plan.name],
    ["UUID", plan.uuid],
    [t("type"), plan.materializeType],
    [t("granularity"), plan.granularity ?? "—"],
    [t("refresh"), calendar.mode.kind === "full-refresh" ? t("full") : t("incremental")],
    [t("cron"), plan.refresh.cron ?? "—"],
    [t("updateWindow"), plan.refresh.lowerInterval !== undefined ? `${plan.refresh.lowerInterval} .. ${plan.refresh.upperInterval ?? "?"}` : "—"],
    [t("table"), table],
    [t("hasData"), calendar.hasData ? t("yes") : t("no")],
    [t("window"), calendar.window ? `${calendar.window.start} .. ${calendar.window.end}` : "—"],
  ];
  return (
    <details className="rounded border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer text-lg font-semibold">{t("heading")}</summary>
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
