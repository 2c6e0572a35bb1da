import type { AuditEntry } from "@/lib/audit";
import {
  actionLabel,
  actorLabel,
  observedInterval,
  observedIntervalLabel,
  utcTimeLabel,
  OUTCOME_STYLE,
  outcomeLabel,
  rangesLabel,
  statusesReadLabel,
} from "@/components/audit/labels";
import { DataTable } from "@/components/data-table";

function Statuses({ value, details }: { value: Record<string, number> | null; details: Record<string, unknown> | null }) {
  if (!value || Object.keys(value).length === 0) return null;
  const read = statusesReadLabel(details);
  return (
    <>
      {Object.entries(value)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ")}
      {read && <div className="text-slate-600">{read}</div>}
    </>
  );
}

function ObservedInterval({ details }: { details: Record<string, unknown> | null }) {
  const interval = observedInterval(details);
  return interval ? <div className="text-xs text-slate-700">{observedIntervalLabel(interval)}</div> : null;
}

/** One row per action (its intent with the outcome merged in) or event; details fold out. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <DataTable
      label="Audit log"
      className="mt-4"
      columns={[
        { label: "Time (UTC)" },
        { label: "Actor" },
        { label: "Action" },
        { label: "Plan" },
        { label: "Partitions" },
        { label: "Before" },
        { label: "Outcome" },
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} className="border-b border-slate-200 align-top" data-seq={e.seq}>
          <td className="whitespace-nowrap p-2 font-mono text-xs">{utcTimeLabel(e.at)}</td>
          <td className="p-2">
            {actorLabel(e.actor, e.actorKind)}
            {e.actorRole && <div className="text-xs text-slate-600">{e.actorRole}</div>}
          </td>
          <td className="p-2">
            {actionLabel(e.action)}
            <ObservedInterval details={e.details} />
          </td>
          <td className="p-2">
            {e.planName ?? ""}
            {e.planUuid && <div className="break-all font-mono text-xs text-slate-600">{e.planUuid}</div>}
          </td>
          <td className="p-2">
            {rangesLabel(e.ranges)}
            {e.partitionCount !== null && (
              <div className="text-xs text-slate-600">
                {e.partitionCount} partition(s){e.granularity ? `, ${e.granularity}` : ""}
              </div>
            )}
          </td>
          <td className="p-2 text-xs">
            <Statuses value={e.statusesBefore} details={e.details} />
          </td>
          <td className="p-2">
            {e.outcome !== null && (
              <span className={`inline-block rounded border px-1.5 py-0.5 text-xs ${OUTCOME_STYLE[e.outcome] ?? ""}`}>
                {outcomeLabel(e.outcome, e.pending)}
              </span>
            )}
            {e.outcomeDetail && (
              <div className="mt-1 text-xs">
                {e.outcomeDetail.code && <div>code {e.outcomeDetail.code}</div>}
                {e.outcomeDetail.errorMsg && <div>{e.outcomeDetail.errorMsg}</div>}
                {e.outcomeDetail.detailErrorMsg && <div className="break-all">{e.outcomeDetail.detailErrorMsg}</div>}
                {e.outcomeDetail.traceId && <div className="font-mono">traceId {e.outcomeDetail.traceId}</div>}
                {e.outcomeDetail.kind && <div>{e.outcomeDetail.kind}</div>}
                {e.outcomeDetail.reason && <div>{e.outcomeDetail.reason}</div>}
              </div>
            )}
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-blue-800">Details</summary>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2">
                <dt>Request id</dt>
                <dd className="break-all font-mono">{e.requestId ?? "—"}</dd>
                <dt>IP</dt>
                <dd>{e.ip ?? "—"}</dd>
                <dt>User agent</dt>
                <dd className="break-all">{e.userAgent ?? "—"}</dd>
                {e.canEndpoint && (
                  <>
                    <dt>CAN call</dt>
                    <dd className="break-all font-mono">
                      {e.canEndpoint} {e.canRequest}
                    </dd>
                  </>
                )}
                {e.details && (
                  <>
                    <dt>Details</dt>
                    <dd className="break-all font-mono">{JSON.stringify(e.details)}</dd>
                  </>
                )}
                <dt>Row</dt>
                <dd className="break-all font-mono">
                  #{e.seq} {e.hash.slice(0, 16)}…
                </dd>
              </dl>
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
