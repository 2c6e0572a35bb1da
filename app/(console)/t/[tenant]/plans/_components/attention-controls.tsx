"use client";

import { useTranslations } from "next-intl";
import { PLAN_SORTS, type PlansQuery } from "@/lib/plans-query";

/** "Needs attention" and the sort: URL state like the filters, applied to the visible page's rows. */
export function AttentionControls({ query, onChange }: { query: PlansQuery; onChange: (q: PlansQuery) => void }) {
  const t = useTranslations("plans.attention");
  return (
    <div className="mt-3 flex flex-wrap items-end gap-4 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={query.attention === true} onChange={(e) => onChange({ ...query, attention: e.target.checked ? true : undefined })} />
        <span>{t("only")}</span>
      </label>
      <label className="flex flex-col">
        <span className="font-medium">{t("sort")}</span>
        <select
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
          value={query.sort ?? ""}
          onChange={(e) => onChange({ ...query, sort: (e.target.value || undefined) as PlansQuery["sort"] })}
        >
          <option value="">{t("sortAttention")}</option>
          {PLAN_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sortBy.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="text-xs text-slate-600">{t("scope")}</p>
    </div>
  );
}
