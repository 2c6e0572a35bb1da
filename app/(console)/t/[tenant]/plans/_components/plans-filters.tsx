"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PLAN_TYPES, type PlansQuery } from "@/lib/plans-query";

export function PlansFilters({ query, onChange }: { query: PlansQuery; onChange: (q: PlansQuery) => void }) {
  const t = useTranslations("plans.filters");
  const [text, setText] = useState(query.q ?? "");
  // The field follows the URL's search when it changes from outside the field (Clear filters, Back).
  const [shownQ, setShownQ] = useState(query.q);
  if (query.q !== shownQ) {
    setShownQ(query.q);
    setText(query.q ?? "");
  }
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...query, q: text.trim() || undefined });
      }}
    >
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("type")}</span>
        <select
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
          value={query.type ?? ""}
          onChange={(e) => onChange({ ...query, type: (e.target.value || undefined) as PlansQuery["type"] })}
        >
          <option value="">{t("allTypes")}</option>
          {PLAN_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("search")}</span>
        <input
          type="search"
          className="mt-1 w-64 rounded border border-slate-400 bg-white px-2 py-1.5"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("placeholder")}
        />
      </label>
      <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white hover:bg-slate-900">
        {t("submit")}
      </button>
    </form>
  );
}
