import { useTranslations } from "next-intl";
import type { PlanTitle } from "@/lib/services/plan-calendar-types";
import { BackToPlans, PlanHeading } from "./plan-heading";

/**
 * The plan page while its partitions are read from CAN (every page of the list: no page count to
 * report until the read is over). `plan`: the plan's names and the way back, once CAN's plan read
 * has answered; the page sends them ahead of the list, so its heading (the largest text on screen)
 * paints before the calendar. Without it, grey bars hold their place (loading.tsx).
 */
export function PlanSkeleton({ plan }: { plan?: { tenantId: string; title: PlanTitle | null } }) {
  const t = useTranslations("plan");
  return (
    <div className="space-y-4" aria-busy="true" data-testid="plan-skeleton">
      {plan ? <BackToPlans tenantId={plan.tenantId} /> : <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />}
      {plan?.title ? (
        // The same line as the loaded page's (plan-screen.tsx), so the calendar replacing this moves nothing above it.
        <PlanHeading displayName={plan.title.displayName} name={plan.title.name} />
      ) : (
        <div className="h-8 w-80 animate-pulse rounded bg-slate-200" />
      )}
      <p role="status" className="text-slate-700">
        {t("reading")}
      </p>
      <div className="h-24 animate-pulse rounded border border-slate-200 bg-slate-100" />
      <div className="flex flex-wrap gap-3" aria-hidden="true">
        {Array.from({ length: 12 }, (_, m) => (
          <div key={m} className="h-56 w-60 animate-pulse rounded border border-slate-200 bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
