"use client";

import { useRouter } from "next/navigation";
import type { TenantSummary } from "@/lib/tenants";

export function TenantSwitcher({ tenants, current }: { tenants: TenantSummary[]; current: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-300">Tenant</span>
      <select
        className="rounded border border-slate-500 bg-slate-800 px-2 py-1 text-white"
        value={current}
        onChange={(e) => router.push(`/t/${encodeURIComponent(e.target.value)}/plans`)}
      >
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
