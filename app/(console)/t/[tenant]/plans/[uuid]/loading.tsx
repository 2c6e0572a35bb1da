import { useTranslations } from "next-intl";

/**
 * Shown at once when a plan is opened, while the server reads its partitions from CAN (every page
 * of the list, in one request: no page count exists to report until the read is over).
 */
export default function PlanLoading() {
  const t = useTranslations("plan");
  return (
    <div className="space-y-4" aria-busy="true" data-testid="plan-skeleton">
      <div className="h-4 w-24 animate-pulse rounded bg-slate-200" />
      <div className="h-8 w-80 animate-pulse rounded bg-slate-200" />
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
