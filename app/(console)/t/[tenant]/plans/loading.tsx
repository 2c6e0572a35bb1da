import { useTranslations } from "next-intl";

/** Shown at once when the plans page is opened, while the server reads the plan list from CAN. */
export default function PlansLoading() {
  const t = useTranslations("plans");
  return (
    <div className="space-y-4" aria-busy="true" data-testid="plans-skeleton">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
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
