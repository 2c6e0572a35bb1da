"use client";

import type { BulkMarkKind } from "@/lib/marks/bulk";
import type { Granularity, KeyRange } from "@/lib/partitions";
import { BulkBar } from "./bulk-bar";
import { BulkDialog } from "./bulk-dialog";
import { BulkResults } from "./bulk-results";
import { useBulkMark } from "./use-bulk-mark";
import type { BulkSelection } from "./use-bulk-selection";

/** The plans page's bulk mark: the bar while plans are selected, one confirmation, the per-plan results. */
export function BulkMark({ tenantId, selection }: { tenantId: string; selection: BulkSelection }) {
  const bulk = useBulkMark(tenantId);
  const selected = [...selection.selected.values()];
  const refOf = (p: { uuid: string; name: string; displayName: string }) => ({ uuid: p.uuid, name: p.name, displayName: p.displayName });
  const mark = (kind: BulkMarkKind, granularity: Granularity, ranges: KeyRange[]) => void bulk.open({ kind, granularity, ranges, plans: selected.map(refOf) });
  const outcome = bulk.outcome;
  return (
    <>
      {selected.length > 0 && <BulkBar selected={selected} loading={bulk.loading} onMark={mark} onClear={selection.clear} />}
      {outcome && (
        <BulkResults
          outcome={outcome}
          busy={bulk.loading || bulk.sending}
          onRetry={(uuids) => void bulk.open({ ...outcome.ask, plans: outcome.ask.plans.filter((p) => uuids.includes(p.uuid)) })}
          onDismiss={bulk.dismiss}
        />
      )}
      <BulkDialog preview={bulk.preview} busy={bulk.sending} error={bulk.refused} onConfirm={bulk.confirm} onCancel={bulk.cancel} />
    </>
  );
}
