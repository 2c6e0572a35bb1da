"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorPanel } from "@/components/error-panel";
import { fetchResult } from "@/lib/api/fetch-result";
import { queryKeys } from "@/lib/query-keys";
import type { PlanView } from "@/lib/services/plan-view";
import { PlanDetailsCard } from "./plan-details-card";
import { PartitionList } from "./partition-list";

export function PlanScreen({ tenantId, uuid }: { tenantId: string; uuid: string }) {
  const { data, isFetching, refetch } = useQuery({
    queryKey: queryKeys.plan(tenantId, uuid),
    queryFn: () => fetchResult<PlanView>(`/api/t/${encodeURIComponent(tenantId)}/plans/${encodeURIComponent(uuid)}`),
  });
  const back = (
    <Link href={`/t/${encodeURIComponent(tenantId)}/plans`} className="text-sm text-blue-800 hover:underline">
      ← All plans
    </Link>
  );
  if (!data) return <p role="status">Loading plan…</p>;
  if (!data.ok) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">Plan {uuid}</h1>
        <ErrorPanel title="The plan could not be loaded" error={data.error} onRetry={() => void refetch()} retrying={isFetching} />
      </div>
    );
  }
  const view = data.data;
  return (
    <div className="space-y-6">
      {back}
      <h1 className="text-2xl font-semibold">{view.plan.displayName}</h1>
      <PlanDetailsCard view={view} />
      <PartitionList view={view} />
    </div>
  );
}
