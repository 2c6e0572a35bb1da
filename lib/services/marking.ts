import "server-only";
import { after } from "next/server";
import type { AppError, Result } from "@/lib/api/result";
import { planMarksThrough, recordMarkIntent, recordMarkOutcome, type MarkIntent, type MarkOutcome } from "@/lib/audit";
import type { Actor, RequestMeta } from "@/lib/auth/roles";
import { canAppError } from "@/lib/api/to-app-error";
import { CanError } from "@/lib/can/errors";
import { sendMark } from "@/lib/can/mutations";
import { beforeRunsIn, type RecordedBefore } from "@/lib/marks/before-runs";
import { expectedConfirmation } from "@/lib/marks/bulk";
import { futureRefusal } from "@/lib/marks/future";
import { MARK_KINDS, changedRanges, granularityOf, kindOf, needsTypedName, type MarkChange } from "@/lib/marks/kinds";
import { countStatusesInRanges, type Granularity, type StatusRun } from "@/lib/partitions";
import type { Tenant } from "@/lib/tenants";
import { trackMark, type InFlightMark } from "@/lib/server/lifecycle";
import { metrics } from "@/lib/telemetry/metrics";
import { currentListingKey } from "./listing-key";
import { checkListing, type SealedListing } from "./listing-seal";
import { getPlanCalendar } from "./plan-calendar";
import { getPlanCached } from "./plans";
import { serverToday } from "./server-today";
import { logEvent } from "@/lib/log/log-event";

export type MarkReceipt = {
  partitions: number;
  ranges: number;
  requestId: string;
  /** CAN's answer to the mark as it came (its envelope, or a bare body): the `/can` API returns it. */
  canAnswer: unknown;
};

/** A person confirms in the dialog; a machine's token is its consent (docs/decisions/0009-api-tokens-and-the-can-api.md). */
export type MarkConfirmation =
  | {
      by: "person";
      confirmName?: string | undefined;
      listing?: SealedListing | undefined;
      /** Set by a bulk mark: how many plans it sends to, which decides the typed confirmation (lib/marks/bulk.ts). */
      bulkPlans?: number | undefined;
    }
  | { by: "machine"; tokenId: string; tokenName: string };

export type MarkRequest = {
  tenant: Tenant;
  actor: Actor;
  meta: RequestMeta;
  planUuid: string;
  change: MarkChange;
  partitionCount: number;
  confirmation: MarkConfirmation;
  /** Set when this mark reverts an earlier one: that mark's intent id, recorded as `details.revertOf`. */
  revertOf?: string | undefined;
};

const fail = (error: AppError): Result<never> => ({ ok: false, error });

/**
 * The one path every mark takes, from a page or a machine: re-check the plan on the server, apply
 * the confirmation rule, build CAN's body from the kinds table, write the intent row (no audit, no
 * call), call CAN once, write the outcome.
 */
export async function performMark(req: MarkRequest): Promise<Result<MarkReceipt>> {
  // Tracked from the start, so a stopping instance waits for it (lib/server/shutdown.ts). A request
  // that got past the proxy before the stop signal is in flight and is carried through; new ones
  // are refused by the proxy with 503, which a balancer retries elsewhere.
  const flight = trackMark(req.meta.requestId);
  // What CAN's call came to, when one was sent; a mark refused before it counts as "refused".
  let sent: MarkOutcome["outcome"] | undefined;
  const count = (outcome: string) => {
    const labels = { kind: kindOf(req.change), outcome, via: req.confirmation.by === "person" ? "page" : "api" };
    metrics().marks.inc(labels);
    logEvent(outcome === "ok" ? "info" : "warn", "mark.finished", {
      ...labels,
      requestId: req.meta.requestId,
      tenant: req.tenant.id,
      planUuid: req.planUuid,
      partitions: req.partitionCount,
    });
  };
  try {
    const result = await performTrackedMark(req, flight.mark, (o) => (sent = o));
    count(sent ?? (result.ok ? "ok" : "refused"));
    return result;
  } catch (e) {
    count(sent ?? "unknown");
    throw e;
  } finally {
    // Leaves the in-flight set once the answer has reached the client, not before: a stopping
    // instance must not exit between the outcome row and the response.
    after(flight.done);
  }
}

async function performTrackedMark(req: MarkRequest, flight: InFlightMark, onSent: (outcome: MarkOutcome["outcome"]) => void): Promise<Result<MarkReceipt>> {
  const { tenant, actor, meta, change, confirmation } = req;
  const kind = kindOf(change);
  const spec = MARK_KINDS[kind];
  const granularity = granularityOf(change);
  const ranges = changedRanges(change);
  const plan = await getPlanCached(tenant, req.planUuid);
  if (plan.materializeType !== "EXTERNAL") {
    return fail({ code: "CONFLICT", message: `${plan.displayName} is a ${plan.materializeType} plan; only EXTERNAL plans accept partition marks.` });
  }
  if (granularity !== null && plan.granularity?.toUpperCase() !== granularity) {
    return fail({
      code: "VALIDATION",
      message: `This plan's partitions are ${plan.granularity ?? "not set"}; the request used ${granularity}. Reload the page.`,
    });
  }
  // Before anything is counted, recorded or sent: the same rule for a person and a machine.
  const future = granularity === null ? null : futureRefusal(change, serverToday(granularity), granularity);
  if (future) return fail({ code: "VALIDATION", message: future.message });

  const statusesBefore: Record<string, number> = {};
  let statusesRead: MarkIntent["statusesRead"];
  // A machine's mark reads nothing first: one CAN call per mark, whatever the plan's size. So its
  // prior statuses are recorded as not known (docs/decisions/0029-revert-a-mark.md).
  let before: RecordedBefore | undefined = granularity !== null ? { known: false } : undefined;
  if (granularity !== null && confirmation.by === "person") {
    const read = await statusesBeforeMark(tenant, req.planUuid, granularity, confirmation.listing, meta.requestId);
    if (!read) return fail({ code: "CONFLICT", message: "This plan has no partitions to mark." });
    // Each partition's status, not only the counts: what a revert restores.
    before = {
      known: true,
      runs: beforeRunsIn(
        read.runs,
        ranges.map((r) => r.range),
        granularity,
      ),
    };
    const counts = countStatusesInRanges(
      read.runs,
      ranges.map((r) => r.range),
      granularity,
    );
    for (const [status, n] of Object.entries(counts)) if (n > 0) statusesBefore[status] = n;
    statusesRead = read.read;
  }
  if (confirmation.by === "person" && needsTypedName(kind, req.partitionCount, statusesBefore)) {
    const expected = expectedConfirmation(plan.name, confirmation.bulkPlans);
    if (confirmation.confirmName !== expected) {
      const byName = expected === plan.name;
      return fail({
        code: "VALIDATION",
        message: byName ? `Type the plan name (${plan.name}) to confirm this change.` : `Type the number of plans (${expected}) to confirm this change.`,
        fieldErrors: { confirmName: [byName ? "does not match the plan name" : "does not match the number of plans"] },
      });
    }
  }

  const body = spec.body(plan.uuid, change);
  const intent: MarkIntent = {
    actor,
    meta,
    action: spec.action,
    planUuid: plan.uuid,
    planName: plan.name,
    granularity,
    ranges: ranges.map((r) => ({ start: r.range.start, end: r.range.end, ...(r.status ? { status: r.status } : {}) })),
    partitionCount: req.partitionCount,
    statusesBefore,
    ...(statusesRead ? { statusesRead } : {}),
    ...(before ? { before } : {}),
    ...(req.revertOf ? { revertOf: req.revertOf } : {}),
    canRequest: { endpoint: spec.endpoint, body },
    ...(confirmation.by === "machine" ? { machine: { tokenId: confirmation.tokenId, tokenName: confirmation.tokenName } } : {}),
  };
  let intentId: string;
  try {
    ({ intentId } = await recordMarkIntent(intent));
  } catch (e) {
    logEvent("error", "audit.intent_failed", { requestId: meta.requestId, error: e instanceof Error ? e.message : String(e) });
    return fail({
      code: "INTERNAL",
      message: "The audit log could not be written, so nothing was sent to CAN. Try again, or tell an administrator.",
      requestId: meta.requestId,
    });
  }

  // Exactly one outcome row per intent: written here after CAN answers, or by a shutdown that cannot
  // wait any longer (as unknown), whichever comes first.
  let writing: Promise<void> | undefined;
  const settle = async (result: MarkOutcome): Promise<boolean> => {
    if (writing) {
      await writing; // the other writer's row must be in before the caller goes on (and closes the db)
      return false;
    }
    writing = recordMarkOutcome(intentId, intent, result).catch((e: unknown) => {
      // The intent row stays without an outcome and reads as unknown: a trace is kept either way.
      logEvent("error", "audit.outcome_failed", { requestId: meta.requestId, intentId, error: e instanceof Error ? e.message : String(e) });
    });
    await writing;
    return true;
  };
  flight.settle = (reason) => settle({ outcome: "unknown", reason });

  let outcome: MarkOutcome = { outcome: "ok" };
  let error: AppError | undefined;
  let canAnswer: unknown;
  try {
    canAnswer = await sendMark(tenant, spec.endpoint, body, { requestId: meta.requestId });
  } catch (e) {
    if (!(e instanceof CanError)) {
      await settle({ outcome: "unknown", reason: "the console failed while sending the request" });
      onSent("unknown");
      throw e;
    }
    outcome = outcomeOf(e);
    const unknown = outcome.outcome === "unknown";
    const mapped = canAppError(e);
    error = {
      ...mapped,
      message: unknown ? `${mapped.message}. CAN may or may not have applied the change: reload to see its current state before retrying.` : mapped.message,
      requestId: meta.requestId,
    };
  }
  await settle(outcome);
  onSent(outcome.outcome);
  if (error) return fail(error);
  return { ok: true, data: { partitions: req.partitionCount, ranges: ranges.length, requestId: meta.requestId, canAnswer } };
}

/**
 * The statuses the mark is about to change, for the audit row and the typed-name rule. From the
 * listing the operator's page holds when the server sealed it for this plan less than two minutes
 * ago and no mark of the plan was recorded since (one CAN call per mark: the mark itself); else from
 * a fresh read of every page of CAN's list. Null when the plan has no partition grid.
 */
async function statusesBeforeMark(
  tenant: Tenant,
  planUuid: string,
  g: Granularity,
  listing: SealedListing | undefined,
  requestId: string,
): Promise<{ runs: readonly StatusRun[]; read: NonNullable<MarkIntent["statusesRead"]> } | null> {
  if (listing) {
    const check = checkListing(await currentListingKey(), { tenantId: tenant.id, planUuid, granularity: g }, listing, Date.now());
    if (!check.ok && check.why === "seal") logEvent("warn", "mark.listing_seal_mismatch", { requestId, planUuid });
    if (check.ok && (await planMarksThrough(tenant.id, planUuid)) === listing.throughSeq) {
      return { runs: listing.runs, read: { from: "page listing", readAt: listing.readAt } };
    }
  }
  // A busy plan's list may change during every read; the counts are a snapshot either way, so a mark
  // is not refused for it (the calendar itself still re-reads and never draws a torn list).
  const calendar = await getPlanCalendar(tenant, planUuid, new Date(), { acceptUnsettled: true });
  if (calendar.mode.kind !== "grid") return null;
  return { runs: calendar.runs, read: { from: "fresh read", readAt: calendar.readAt } };
}

function outcomeOf(e: CanError): MarkOutcome {
  const d = e.details;
  // No token could be had (lib/can names the tenant only then): the mark itself never left.
  if (d.tenantId !== undefined && d.kind !== "rejected" && d.kind !== "http") {
    return { outcome: "error", kind: d.kind, errorMsg: `not sent: no CAN token (${d.errorMsg ?? d.kind})` };
  }
  if (d.kind === "timeout") return { outcome: "unknown", reason: `no answer within the timeout (${d.errorMsg ?? ""})` };
  if (d.kind === "network" && !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(d.errorMsg ?? "")) {
    return { outcome: "unknown", reason: `connection lost after sending (${d.errorMsg ?? "network"})` };
  }
  if (d.kind === "malformed") return { outcome: "unknown", reason: `CAN's answer could not be read (${d.errorMsg ?? "malformed"})` };
  if (d.kind === "rejected" || d.kind === "http") {
    return {
      outcome: "rejected",
      code: d.code ?? (d.httpStatus ? `HTTP ${d.httpStatus}` : undefined),
      errorMsg: d.errorMsg,
      detailErrorMsg: d.detailErrorMsg,
      traceId: d.traceId,
    };
  }
  return { outcome: "error", kind: d.kind, errorMsg: d.errorMsg };
}
