import Link from "next/link";
import { useTranslations } from "next-intl";

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

/** The plan's display name and technical name, the start of the heading line. */
export function PlanHeading({ displayName, name }: { displayName: string; name: string | null }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{displayName}</h1>
      {name && <span className="font-mono text-sm text-slate-600">{name}</span>}
    </>
  );
}
