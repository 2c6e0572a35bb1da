import { useTranslations } from "next-intl";

/**
 * The plans page while the server reads the plan list from CAN. `heading`: a placeholder for the
 * page's title too, while the session is checked (loading.tsx); the page itself sends its real
 * heading first and this below it.
 */
export function PlansSkeleton({ heading = false }: { heading?: boolean }) {
  const t = useTranslations("plans");
  return (
    <div className="space-y-4" aria-busy="true" data-testid="plans-skeleton">
      {heading && <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />}
      <p role="status" className="text-slate-700">
        {t("reading")}
      </p>
      <div className="space-y-2" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
