"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import { queryKeys } from "@/lib/query-keys";
import { plansQueryString, readPlansQuery, type PlansQuery } from "@/lib/plans-query";
import type { PlansPage } from "@/lib/services/plans";
import { healthUuids } from "@/lib/health/health-request";
import { Suspense } from "react";
import { AttentionControls } from "./attention-controls";
import { HealthTable, ReadHealthTable } from "./health-table";
import { PlansFilters } from "./plans-filters";
import type { HealthRead } from "./use-plans-health";
import { LazyBulkMark } from "./bulk/lazy-bulk-mark";
import { useBulkSelection } from "./bulk/use-bulk-selection";

/** A page without EXTERNAL plans reads no health: every row shows none. */
const NO_HEALTH: HealthRead = { ok: true, data: {} };

export function PlansView({ tenantId, canMark }: { tenantId: string; canMark: boolean }) {
  const t = useTranslations("plans");
  const selection = useBulkSelection();
  const searchParams = useSearchParams();
  const query = readPlansQuery(searchParams);
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.plans(tenantId, query),
    queryFn: () => fetchResult<PlansPage>(`/api/t/${encodeURIComponent(tenantId)}/plans${plansQueryString(query)}`),
    placeholderData: keepPreviousData,
  });

  // Filters change the URL without a server round trip; React Query fetches through the route handler.
  const navigate = (next: PlansQuery) => window.history.pushState(null, "", plansQueryString(next) || "?");
  // A change applies to the address bar's query as it is now, not to this render's `query`: the URL's
  // search params reach React in a transition, so a second change made before the first has rendered
  // (a quick user, a slow phone) would otherwise put the first change's old value back.
  const update = (change: Partial<PlansQuery>) => navigate({ ...readPlansQuery(new URLSearchParams(window.location.search)), ...change });
  const clearFilters = () => navigate({ page: 1 });
  // The table paints with CAN's list; each EXTERNAL row's strip fills in when the page's health arrives
  // (the boundary's fallback is the same table with every strip loading).
  const uuids = healthUuids(data?.ok ? data.data.items : []);
  const tableProps = { tenantId, query, busy: isFetching, selection: canMark ? selection : null, onPage: (page: number) => update({ page }) };

  return (
    <section aria-labelledby="plans-heading" className="mt-4">
      <h2 id="plans-heading" className="sr-only">
        {t("listHeading")}
      </h2>
      <PlansFilters query={query} onChange={(change) => update({ ...change, page: 1 })} />
      <AttentionControls query={query} onChange={update} />
      {canMark && <LazyBulkMark tenantId={tenantId} selection={selection} />}
      <div aria-live="polite" className="sr-only">
        {isFetching ? t("loadingLive") : ""}
      </div>
      {!data ? (
        <p className="mt-6 text-slate-600" role="status">
          {t("loading")}
        </p>
      ) : !data.ok ? (
        <div className="mt-4">
          <ErrorPanel title={t("loadFailed")} error={data.error} onRetry={() => void refetch()} retrying={isFetching} />
        </div>
      ) : data.data.total === 0 ? (
        <div className="mt-6 flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-6 text-slate-700">
          <p role="status">{query.q || query.type ? t("noMatch") : t("none")}</p>
          {(query.q || query.type) && (
            <button type="button" className="rounded border border-slate-400 px-2 py-1 text-sm" onClick={clearFilters}>
              {t("clearFilters")}
            </button>
          )}
        </div>
      ) : (
        <Suspense fallback={<HealthTable {...tableProps} page={data.data} read={null} />}>
          {uuids.length === 0 ? (
            <HealthTable {...tableProps} page={data.data} read={NO_HEALTH} />
          ) : (
            <ReadHealthTable {...tableProps} page={data.data} uuids={uuids} />
          )}
        </Suspense>
      )}
    </section>
  );
}
