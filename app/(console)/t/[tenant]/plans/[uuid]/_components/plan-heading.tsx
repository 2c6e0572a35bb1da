import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// The top of the plan page in each of its states (the loading frame, the preview of a long list's
// year, the loaded page): the same link and heading, so one state replacing another moves nothing there.

/** The way back to the tenant's plans. */
export function BackToPlans({ tenantId }: { tenantId: string }) {
  const t = useTranslations("plan");
  return (
    <Link href={`/t/${encodeURIComponent(tenantId)}/plans`} className="text-sm text-blue-800 hover:underline">
      ← {t("allPlans")}
    </Link>
  );
}

/** The heading line: the plan's display name and technical name, then what the loaded page adds to the line (`children`). */
export function PlanHeading({ displayName, name, children }: { displayName: string; name: string | null; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-3">
      <h1 className="text-2xl font-semibold">{displayName}</h1>
      {name && <span className="font-mono text-sm text-slate-600">{name}</span>}
      {children}
    </div>
  );
}
