import type { AuditEntry } from "@/lib/audit";
import { isRole } from "@/lib/auth/roles";
import type { CanErrorKind } from "@/lib/can/errors";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { observedInterval, OUTCOME_STYLE, useAuditWords } from "@/components/audit/labels";
import { useEventSubject } from "@/components/audit/subjects";
import { ObservedWhen, StatusesRead } from "@/components/audit/time-phrases";
import { Time, ZoneName } from "@/components/time/time";
import { DataTable } from "@/components/data-table";
import { RevertLinksView } from "@/components/audit/revert-links";
import type { RevertLinks } from "@/lib/marks/revert-state";
// The mark dialog and Revert live with the plan page; the audit page offers the same Revert.
import { RevertButton } from "../../plans/[uuid]/_components/revert-button";

const CAN_ERROR_KINDS: readonly string[] = ["network", "timeout", "http", "rejected", "malformed", "unsettled"] satisfies CanErrorKind[];
const isCanErrorKind = (kind: string): kind is CanErrorKind => CAN_ERROR_KINDS.includes(kind);

function Statuses({ value, details }: { value: Record<string, number> | null; details: Record<string, unknown> | null }) {
  const words = useAuditWords();
  if (!value || Object.keys(value).length === 0) return null;
  return (
    <>
      {Object.entries(value)
        .map(([s, n]) => `${n} ${words.status(s)}`)
        .join(", ")}
      <StatusesRead details={details} />
    </>
  );
}

function ObservedInterval({ details }: { details: Record<string, unknown> | null }) {
  const interval = observedInterval(details);
  return interval ? <ObservedWhen interval={interval} /> : null;
}

/** What the event was about ("admin to dora"), so the row says it without the JSON. */
function Subject({ entry }: { entry: AuditEntry }) {
  const subject = useEventSubject()(entry.action, entry.details);
  return subject ? <div className="text-xs text-slate-700">{subject}</div> : null;
}

const NO_LINKS: RevertLinks = { state: null, of: null, by: [] };

/** One row per action (its intent with the outcome merged in) or event; details fold out. */
export function AuditTable({
  entries,
  tenantId,
  reverts,
  canRevert,
}: {
  entries: AuditEntry[];
  tenantId: string;
  reverts: ReadonlyMap<string, RevertLinks>;
  /** Only who may mark may revert: auditors see the links, never the button. */
  canRevert: boolean;
}) {
  const plans = `/t/${encodeURIComponent(tenantId)}/plans`;
  const t = useTranslations("audit.table");
  const tRole = useTranslations("roles");
  const tErrors = useTranslations("errors");
  const words = useAuditWords();
  return (
    <DataTable
      label={t("label")}
      className="mt-4"
      columns={[
        { label: t.rich("time", { zone: () => <ZoneName /> }) },
        { label: t("actor") },
        { label: t("action") },
        { label: t("plan") },
        { label: t("partitions") },
        { label: t("before") },
        { label: t("outcome") },
      ]}
    >
      {entries.map((e) => (
        <tr key={e.id} className="border-b border-slate-200 align-top" data-seq={e.seq}>
          <td className="whitespace-nowrap p-2 font-mono text-xs">
            <Time iso={e.at} />
          </td>
          <td className="p-2">
            {words.actor(e.actor, e.actorKind)}
            {e.actorRole && <div className="text-xs text-slate-600">{isRole(e.actorRole) ? tRole(e.actorRole) : e.actorRole}</div>}
          </td>
          <td className="p-2">
            {words.action(e.action)}
            <Subject entry={e} />
            <ObservedInterval details={e.details} />
          </td>
          <td className="p-2">
            {e.planUuid ? (
              <Link className="text-blue-800 underline" href={`${plans}/${encodeURIComponent(e.planUuid)}`}>
                {e.planName ?? t("plan")}
              </Link>
            ) : (
              (e.planName ?? "")
            )}
            {e.planUuid && <div className="break-all font-mono text-xs text-slate-600">{e.planUuid}</div>}
          </td>
          <td className="p-2">
            {words.ranges(e.ranges)}
            {e.partitionCount !== null && (
              <div className="text-xs text-slate-600">
                {t("count", { count: e.partitionCount })}
                {e.granularity ? `, ${e.granularity}` : ""}
              </div>
            )}
          </td>
          <td className="p-2 text-xs">
            <Statuses value={e.statusesBefore} details={e.details} />
          </td>
          <td className="p-2">
            {e.outcome !== null && (
              <span className={`inline-block rounded border px-1.5 py-0.5 text-xs ${OUTCOME_STYLE[e.outcome] ?? ""}`}>
                {words.outcome(e.outcome, e.pending)}
              </span>
            )}
            {e.outcomeDetail && (
              <div className="mt-1 text-xs">
                {e.outcomeDetail.code && <div>{t("code", { code: e.outcomeDetail.code })}</div>}
                {e.outcomeDetail.errorMsg && <div data-can>{e.outcomeDetail.errorMsg}</div>}
                {e.outcomeDetail.detailErrorMsg && (
                  <div className="break-all" data-can>
                    {e.outcomeDetail.detailErrorMsg}
                  </div>
                )}
                {e.outcomeDetail.traceId && <div className="font-mono">traceId {e.outcomeDetail.traceId}</div>}
                {e.outcomeDetail.kind && (
                  <div>{isCanErrorKind(e.outcomeDetail.kind) ? tErrors(`canKindNames.${e.outcomeDetail.kind}`) : e.outcomeDetail.kind}</div>
                )}
                {/* Recorded when it happened, in English like the rest of the log's data. */}
                {e.outcomeDetail.reason && <div lang="en">{e.outcomeDetail.reason}</div>}
              </div>
            )}
            {reverts.get(e.id) && (
              <RevertLinksView links={reverts.get(e.id) ?? NO_LINKS} button={canRevert ? <RevertButton tenantId={tenantId} markId={e.id} /> : undefined} />
            )}
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-blue-800">{t("details")}</summary>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-2">
                <dt>{t("requestId")}</dt>
                <dd className="break-all font-mono">{e.requestId ?? "—"}</dd>
                <dt>IP</dt>
                <dd>{e.ip ?? "—"}</dd>
                <dt>{t("userAgent")}</dt>
                <dd className="break-all">{e.userAgent ?? "—"}</dd>
                {e.canEndpoint && (
                  <>
                    <dt>{t("canCall")}</dt>
                    <dd className="break-all font-mono">
                      {e.canEndpoint} {e.canRequest}
                    </dd>
                  </>
                )}
                {e.details && (
                  <>
                    <dt>{t("details")}</dt>
                    <dd className="break-all font-mono">{JSON.stringify(e.details)}</dd>
                  </>
                )}
                <dt>{t("row")}</dt>
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
