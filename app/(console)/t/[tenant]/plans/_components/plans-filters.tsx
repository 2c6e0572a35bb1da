"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PLAN_TYPES, type PlansQuery } from "@/lib/plans-query";

/**
 * The type filter and the name search. `onChange` gets only what the user changed: the page applies it
 * to the address bar's query as it is then, since this render's `query` can be a change behind (the
 * URL's new search params arrive in a transition, a render later).
 */
export function PlansFilters({ query, onChange }: { query: PlansQuery; onChange: (change: Partial<PlansQuery>) => void }) {
  const t = useTranslations("plans.filters");
  const [text, setText] = useState(query.q ?? "");
  // The type shows a change at once (a select fed from `query` alone springs back until the
  // navigation renders). Both fields follow the URL when it changes from outside them (Clear filters, Back).
  const [type, setType] = useState(query.type);
  const [seen, setSeen] = useState({ q: query.q, type: query.type });
  if (query.q !== seen.q || query.type !== seen.type) {
    if (query.q !== seen.q) setText(query.q ?? "");
    if (query.type !== seen.type) setType(query.type);
    setSeen({ q: query.q, type: query.type });
  }
  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: text.trim() || undefined });
      }}
    >
      <label className="flex flex-col text-sm">
        <span className="font-medium">{t("type")}</span>
        <select
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
          value={type ?? ""}
          onChange={(e) => {
            const next = (e.target.value || undefined) as PlansQuery["type"];
            setType(next);
            onChange({ type: next });
          }}
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
