import "server-only";
import type { AppError, Result } from "@/lib/api/result";
import { changesAfter, readMarkToRevert, revertsOf, type RevertLink } from "@/lib/audit/revert-source";
import type { Actor, RequestMeta } from "@/lib/auth/roles";
import { beforeRunsIn, recordedBeforeOf, revertOfDetails, type BeforeRun } from "@/lib/marks/before-runs";
import { planRevert, type RevertChoices, type RevertStretch } from "@/lib/marks/revert-plan";
import { markedRanges, revertStretches } from "@/lib/marks/revert-stretches";
import { isMarkableGranularity, type Granularity } from "@/lib/partitions";
import type { Tenant } from "@/lib/tenants";
import type { SealedListing } from "./listing-seal";
import { performMark, type MarkReceipt } from "./marking";
import { getPlanCalendar } from "./plan-calendar";

// Reverting a mark: each partition it changed goes back to the status it had before, through the
// one mark path (performMark), one intent and outcome per CAN call, each naming the mark it reverts.
// See docs/decisions/0029-revert-a-mark.md.

/** What the revert dialog is drawn from; the revert action plans from the same facts, read again. */
export type RevertFacts = {
  markId: string;
  planUuid: string;
  planName: string;
  granularity: Granularity;
  action: string;
  at: string;
  actor: string;
  partitionCount: number;
  stretches: RevertStretch[];
  /** The plan's statuses now over the mark's ranges (the typed-name rule counts from them). */
  current: BeforeRun[];
  /** When the mark is itself a revert: the mark it reverted. */
  revertOf: string | null;
  /** Reverts already recorded for this mark. */
  revertedBy: RevertLink[];
};

const fail = (error: AppError): Result<never> => ({ ok: false, error });

async function prepare(tenant: Tenant, markId: string): Promise<Result<{ facts: RevertFacts; listing: SealedListing | undefined }>> {
  const mark = await readMarkToRevert(tenant.id, markId);
  if (!mark) return fail({ code: "NOT_FOUND", message: "No mark with this id in this tenant." });
  if (mark.outcome !== "ok") return fail({ code: "CONFLICT", message: "Only a mark CAN accepted can be reverted." });
  const before = recordedBeforeOf(mark.details);
  if (!before) return fail({ code: "CONFLICT", message: "This mark cannot be reverted: it was recorded before this console kept prior statuses." });
  const g = mark.granularity?.toUpperCase() ?? null;
  if (!g || !isMarkableGranularity(g)) return fail({ code: "CONFLICT", message: "This mark names no partitions of a DAY or MONTH plan." });
  const [calendar, later, links] = await Promise.all([
    getPlanCalendar(tenant, mark.planUuid),
    changesAfter(tenant.id, mark.planUuid, mark.seq),
    revertsOf(tenant.id, [mark.id]),
  ]);
  if (calendar.mode.kind !== "grid" || calendar.mode.granularity !== g) {
    return fail({ code: "CONFLICT", message: "The plan's partitions are no longer of the granularity this mark used." });
  }
  const marked = markedRanges(mark.action, mark.ranges);
  const stretches = revertStretches({
    g,
    marked,
    before: before.known ? before.runs : null,
    laterMarks: later.marks,
    laterOutside: later.outside,
    current: calendar.runs,
  });
  const facts: RevertFacts = {
    markId: mark.id,
    planUuid: mark.planUuid,
    planName: calendar.plan.name,
    granularity: g,
    action: mark.action,
    at: mark.at,
    actor: mark.actor,
    partitionCount: mark.partitionCount ?? 0,
    stretches,
    current: beforeRunsIn(calendar.runs, marked, g),
    revertOf: revertOfDetails(mark.details),
    revertedBy: links.get(mark.id) ?? [],
  };
  const listing = calendar.seal ? { readAt: calendar.readAt, throughSeq: calendar.throughSeq, runs: calendar.runs, seal: calendar.seal } : undefined;
  return { ok: true, data: { facts, listing } };
}

/** The revert dialog's facts for a mark of this tenant. */
export async function getRevertFacts(tenant: Tenant, markId: string): Promise<Result<RevertFacts>> {
  const prepared = await prepare(tenant, markId);
  return prepared.ok ? { ok: true, data: prepared.data.facts } : prepared;
}

export type RevertRequest = {
  tenant: Tenant;
  actor: Actor;
  meta: RequestMeta;
  markId: string;
  choices: RevertChoices;
  /** The changes the dialog showed (JSON of planRevert's `changes`): sent only if the server plans the same. */
  expected: string;
  confirmName?: string | undefined;
};

export type RevertReceipt = { calls: MarkReceipt[]; partitions: number };

/**
 * Plans the revert again from the audit log and a current read, refuses it when that plan is not
 * the one the person confirmed, then sends each call through performMark. A refused call stops the
 * rest; what was already sent stays recorded (and can itself be reverted).
 */
export async function performRevert(req: RevertRequest): Promise<Result<RevertReceipt>> {
  const prepared = await prepare(req.tenant, req.markId);
  if (!prepared.ok) return prepared;
  const { facts, listing } = prepared.data;
  const plan = planRevert(facts.granularity, facts.stretches, req.choices);
  if (plan.changes.length === 0)
    return fail({ code: "VALIDATION", message: "Nothing to revert: every partition is left out or already has its earlier status." });
  if (JSON.stringify(plan.changes) !== req.expected) {
    return fail({ code: "CONFLICT", message: "The plan's partitions changed since the dialog opened. Open Revert again to see what it would send now." });
  }
  const calls: MarkReceipt[] = [];
  for (const { change, partitions } of plan.changes) {
    const result = await performMark({
      tenant: req.tenant,
      actor: req.actor,
      meta: req.meta,
      planUuid: facts.planUuid,
      change,
      partitionCount: partitions,
      // The listing counts the first call's statuses; after it, the plan's audit position has moved, so the next call reads CAN.
      confirmation: { by: "person", confirmName: req.confirmName, listing },
      revertOf: facts.markId,
    });
    if (!result.ok) {
      const sent = calls.length > 0 ? ` ${calls.length} of ${plan.changes.length} calls were sent and recorded before this one failed.` : "";
      return fail({ ...result.error, message: `${result.error.message}${sent}` });
    }
    calls.push(result.data);
  }
  return { ok: true, data: { calls, partitions: calls.reduce((n, c) => n + c.partitions, 0) } };
}
