import Link from "next/link";
import { useTranslations } from "next-intl";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditFilters } from "@/lib/schemas/audit";
import { useAuditWords } from "@/components/audit/labels";
import { ZoneName } from "@/components/time/time";
import { ViewerZoneInput } from "@/components/time/viewer-zone-input";

const input = "mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered view is a link. */
export function AuditFiltersForm({ filters, basePath }: { filters: AuditFilters; basePath: string }) {
  const t = useTranslations("audit.filters");
  const words = useAuditWords();
  return (
    <form method="get" action={basePath} role="search" aria-label={t("label")} className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-sm font-medium">
        {t("plan")}
        <input name="plan" defaultValue={filters.plan ?? ""} className={`${input} w-48`} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("actor")}
        <input name="actor" defaultValue={filters.actor ?? ""} className={`${input} w-32`} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("by")}
        <select name="by" defaultValue={filters.by ?? ""} className={input}>
          <option value="">{t("byAll")}</option>
          <option value="people">{t("byPeople")}</option>
          <option value="machines">{t("byMachines")}</option>
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("action")}
        <select name="action" defaultValue={filters.action ?? ""} className={input}>
          <option value="">{t("allActions")}</option>
          <option value="partition.*">{t("allMarks")}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {words.action(a)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("outcome")}
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={input}>
          <option value="">{t("allOutcomes")}</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {words.outcome(o, false)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("from")}
        <input type="date" name="from" defaultValue={filters.from ?? ""} aria-describedby="audit-days-zone" className={input} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        {t("to")}
        <input type="date" name="to" defaultValue={filters.to ?? ""} aria-describedby="audit-days-zone" className={input} />
      </label>
      <ViewerZoneInput />
      <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white hover:bg-slate-900">
        {t("apply")}
      </button>
      <Link href={basePath} className="py-1.5 text-sm text-blue-800 underline">
        {t("reset")}
      </Link>
      <p id="audit-days-zone" className="basis-full text-xs text-slate-600">
        {t.rich("zone", { zone: () => <ZoneName /> })}
      </p>
    </form>
  );
}
