import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditFilters } from "@/lib/schemas/audit";
import { actionLabel } from "@/components/audit/labels";
import { ZoneName } from "@/components/time/time";
import { ViewerZoneInput } from "@/components/time/viewer-zone-input";

const input = "mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered view is a link. */
export function AuditFiltersForm({ filters, basePath }: { filters: AuditFilters; basePath: string }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col text-sm font-medium">
        Plan (name or uuid)
        <input name="plan" defaultValue={filters.plan ?? ""} className={`${input} w-48`} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        Actor
        <input name="actor" defaultValue={filters.actor ?? ""} className={`${input} w-32`} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        Made by
        <select name="by" defaultValue={filters.by ?? ""} className={input}>
          <option value="">People and machines</option>
          <option value="people">People</option>
          <option value="machines">Machines (API tokens)</option>
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        Action
        <select name="action" defaultValue={filters.action ?? ""} className={input}>
          <option value="">All actions</option>
          <option value="partition.*">All partition marks</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        Outcome
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={input}>
          <option value="">All outcomes</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm font-medium">
        From
        <input type="date" name="from" defaultValue={filters.from ?? ""} aria-describedby="audit-days-zone" className={input} />
      </label>
      <label className="flex flex-col text-sm font-medium">
        To
        <input type="date" name="to" defaultValue={filters.to ?? ""} aria-describedby="audit-days-zone" className={input} />
      </label>
      <ViewerZoneInput />
      <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white hover:bg-slate-900">
        Apply filters
      </button>
      <Link href={basePath} className="py-1.5 text-sm text-blue-800 underline">
        Reset
      </Link>
      <p id="audit-days-zone" className="basis-full text-xs text-slate-600">
        Days and times are in your time zone (<ZoneName />
        ).
      </p>
    </form>
  );
}
