"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PLAN_SORTS, type PlansQuery } from "@/lib/plans-query";

type Shown = { attention: boolean; sort: PlansQuery["sort"] };

/** "Needs attention" and the sort: URL state like the filters, applied to the visible page's rows. */
export function AttentionControls({ query, onChange }: { query: PlansQuery; onChange: (change: Partial<PlansQuery>) => void }) {
  const t = useTranslations("plans.attention");
  const fromUrl: Shown = { attention: query.attention === true, sort: query.sort };
  // The controls show a change at once: the URL's new search params reach this component a render
  // later, and a controlled checkbox would spring back until then. They follow the URL when it
  // changes from outside (Back, Clear filters).
  const [shown, setShown] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen.attention !== fromUrl.attention || seen.sort !== fromUrl.sort) {
    setSeen(fromUrl);
    setShown(fromUrl);
  }
  const change = (next: Shown) => {
    setShown(next);
    onChange({ attention: next.attention ? true : undefined, sort: next.sort });
  };
  return (
    <div className="mt-3 flex flex-wrap items-end gap-4 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={shown.attention} onChange={(e) => change({ ...shown, attention: e.target.checked })} />
        <span>{t("only")}</span>
      </label>
      <label className="flex flex-col">
        <span className="font-medium">{t("sort")}</span>
        <select
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
          value={shown.sort ?? ""}
          onChange={(e) => change({ ...shown, sort: (e.target.value || undefined) as PlansQuery["sort"] })}
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
