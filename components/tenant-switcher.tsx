"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { TenantSummary } from "@/lib/tenants";

/** Goes to the chosen tenant's plans; outside a tenant (settings, admin) nothing is selected. */
export function TenantSwitcher({ tenants, current }: { tenants: TenantSummary[]; current?: string | undefined }) {
  const t = useTranslations("header");
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-300">{t("tenant")}</span>
      <select
        className="rounded border border-slate-500 bg-slate-800 px-2 py-1 text-white"
        value={current ?? ""}
        onChange={(e) => {
          if (e.target.value) router.push(`/t/${encodeURIComponent(e.target.value)}/plans`);
        }}
      >
        {current === undefined && (
          <option value="" disabled>
            {t("chooseTenant")}
          </option>
        )}
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
