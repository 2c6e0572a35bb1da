import "server-only";
import { after } from "next/server";
import type { ActionContext } from "@/lib/actions/define-action";
import type { AppError, Result } from "@/lib/api/result";
import { planMarksThrough, recordMarkIntent, recordMarkOutcome, type MarkAction, type MarkIntent, type MarkOutcome } from "@/lib/audit";
import { CanError, toCanErrorView } from "@/lib/can/errors";
import type { PlanDetails } from "@/lib/can/types";
import { countStatusesInRanges, type Granularity, type KeyRange, type StatusRun } from "@/lib/partitions";
import { TYPE_NAME_THRESHOLD } from "@/lib/schemas/marks";
import { trackMark, type InFlightMark } from "@/lib/server/lifecycle";
import { currentListingKey } from "./listing-key";
import { checkListing, type SealedListing } from "./listing-seal";
import { getPlanCalendar } from "./plan-calendar";
import { getPlanCached } from "./plans";

export type MarkReceipt = { partitions: number; ranges: number; requestId: string };

type Common = { tenantId: string; planUuid: string; confirmName?: string | undefined; listing?: SealedListing | undefined };

export type MarkSpec = {
  action: MarkAction;
  /** Ranges with the status they get (none for clear and refresh). */
  ranges: { range: KeyRange; status?: "success" | "failed" }[];
  partitionCount: number;
  granularity: Granularity | null;
  endpoint: "updatePartition" | "clearPartition";
  /** Builds the exact body once the plan is known to be markable. */
  body: (plan: PlanDetails) => unknown;
  send: (body: unknown) => Promise<void>;
  /** Clearing success partitions destroys hit-able data: it always asks for the typed name. */
  destructiveForSuccess: boolean;
};

const fail = (error: AppError): Result<never> => ({ ok: false, error });

/**
 * The one path every mark takes: re-check the plan on the server, require the typed plan name where
 * the dialog asked for it, write the intent row (no audit, no call), call CAN once, write the outcome.
 */
export async function performMark(ctx: ActionContext<Common>, spec: MarkSpec): Promise<Result<MarkReceipt>> {
  // Tracked from the start, so a stopping instance waits for it (lib/server/shutdown.ts). A request
  // that got past the proxy before the stop signal is in flight and is carried through; new ones
  // are refused by the proxy with 503, which a balancer retries elsewhere.
  const flight = trackMark(ctx.meta.requestId);
  try {
    return await performTrackedMark(ctx, spec, flight.mark);
  } finally {
    // Leaves the in-flight set once the answer has reached the client, not before: a stopping
    // instance must not exit between the outcome row and the response.
    after(flight.done);
  }
}

async function performTrackedMark(ctx: ActionContext<Common>, spec: MarkSpec, flight: InFlightMark): Promise<Result<MarkReceipt>> {
  const { tenant, actor, meta, input } = ctx;
  const plan = await getPlanCached(tenant, input.planUuid);
  if (plan.materializeType !== "EXTERNAL") {
    return fail({ code: "CONFLICT", message: `${plan.displayName} is a ${plan.materializeType} plan; only EXTERNAL plans accept partition marks.` });
  }
  if (spec.granularity !== null && plan.granularity?.toUpperCase() !== spec.granularity) {
    return fail({ code: "VALIDATION", message: `This plan's partitions are ${plan.granularity ?? "not set"}; the request used ${spec.granularity}. Reload the page.` });
  }

  const statusesBefore: Record<string, number> = {};
  let statusesRead: MarkIntent["statusesRead"];
  if (spec.granularity !== null) {
    const before = await statusesBeforeMark(ctx, spec.granularity);
    if (!before) return fail({ code: "CONFLICT", message: "This plan has no partitions to mark." });
    const counts = countStatusesInRanges(before.runs, spec.ranges.map((r) => r.range), spec.granularity);
    for (const [status, n] of Object.entries(counts)) if (n > 0) statusesBefore[status] = n;
    statusesRead = before.read;
  }
  const mustType = spec.partitionCount > TYPE_NAME_THRESHOLD || (spec.destructiveForSuccess && (statusesBefore.success ?? 0) > 0);
  if (mustType && input.confirmName !== plan.name) {
    return fail({ code: "VALIDATION", message: `Type the plan name (${plan.name}) to confirm this change.`, fieldErrors: { confirmName: ["does not match the plan name"] } });
  }

  const body = spec.body(plan);
  const intent: MarkIntent = {
    actor,
    meta,
    action: spec.action,
    planUuid: plan.uuid,
    planName: plan.name,
    granularity: spec.granularity,
    ranges: spec.ranges.map((r) => ({ start: r.range.start, end: r.range.end, ...(r.status ? { status: r.status } : {}) })),
    partitionCount: spec.partitionCount,
    statusesBefore,
    ...(statusesRead ? { statusesRead } : {}),
    canRequest: { endpoint: spec.endpoint, body },
  };
  let intentId: string;
  try {
    ({ intentId } = await recordMarkIntent(intent));
  } catch (e) {
    console.error(JSON.stringify({ event: "audit.intent_failed", requestId: meta.requestId, error: e instanceof Error ? e.message : String(e) }));
    return fail({ code: "INTERNAL", message: "The audit log could not be written, so nothing was sent to CAN. Try again, or tell an administrator.", requestId: meta.requestId });
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
      console.error(JSON.stringify({ event: "audit.outcome_failed", requestId: meta.requestId, intentId, error: e instanceof Error ? e.message : String(e) }));
    });
    await writing;
    return true;
  };
  flight.settle = (reason) => settle({ outcome: "unknown", reason });

  let outcome: MarkOutcome = { outcome: "ok" };
  let error: AppError | undefined;
  try {
    await spec.send(body);
  } catch (e) {
    if (!(e instanceof CanError)) {
      await settle({ outcome: "unknown", reason: "the console failed while sending the request" });
      throw e;
    }
    outcome = outcomeOf(e);
    const unknown = outcome.outcome === "unknown";
    error = {
      code: e.kind === "rejected" || (e.kind === "http" && (e.details.httpStatus ?? 500) < 500) ? "UPSTREAM_REJECTED" : "UPSTREAM_UNAVAILABLE",
      message: unknown ? `${e.message}. CAN may or may not have applied the change: reload to see its current state before retrying.` : e.message,
      requestId: meta.requestId,
      can: toCanErrorView(e),
    };
  }
  await settle(outcome);
  if (error) return fail(error);
  return { ok: true, data: { partitions: spec.partitionCount, ranges: spec.ranges.length, requestId: meta.requestId } };
}

/**
 * The statuses the mark is about to change, for the audit row and the typed-name rule. From the
 * listing the operator's page holds when the server sealed it for this plan less than two minutes
 * ago and no mark of the plan was recorded since (one CAN call per mark: the mark itself); else from
 * a fresh read of every page of CAN's list. Null when the plan has no partition grid.
 */
async function statusesBeforeMark(ctx: ActionContext<Common>, g: Granularity): Promise<{ runs: readonly StatusRun[]; read: NonNullable<MarkIntent["statusesRead"]> } | null> {
  const { tenant, input, meta } = ctx;
  const listing = input.listing;
  if (listing) {
    const check = checkListing(await currentListingKey(), { tenantId: tenant.id, planUuid: input.planUuid, granularity: g }, listing, Date.now());
    if (!check.ok && check.why === "seal") console.warn(JSON.stringify({ event: "mark.listing_seal_mismatch", requestId: meta.requestId, planUuid: input.planUuid }));
    if (check.ok && (await planMarksThrough(tenant.id, input.planUuid)) === listing.throughSeq) {
      return { runs: listing.runs, read: { from: "page listing", readAt: listing.readAt } };
    }
  }
  const calendar = await getPlanCalendar(tenant, input.planUuid);
  if (calendar.mode.kind !== "grid") return null;
  return { runs: calendar.runs, read: { from: "fresh read", readAt: calendar.readAt } };
}

function outcomeOf(e: CanError): MarkOutcome {
  const d = e.details;
  if (d.kind === "timeout") return { outcome: "unknown", reason: `no answer within the timeout (${d.errorMsg ?? ""})` };
  if (d.kind === "network" && !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(d.errorMsg ?? "")) {
    return { outcome: "unknown", reason: `connection lost after sending (${d.errorMsg ?? "network"})` };
  }
  if (d.kind === "malformed") return { outcome: "unknown", reason: `CAN's answer could not be read (${d.errorMsg ?? "malformed"})` };
  if (d.kind === "rejected" || d.kind === "http") {
    return { outcome: "rejected", code: d.code ?? (d.httpStatus ? `HTTP ${d.httpStatus}` : undefined), errorMsg: d.errorMsg, detailErrorMsg: d.detailErrorMsg, traceId: d.traceId };
  }
  return { outcome: "error", kind: d.kind, errorMsg: d.errorMsg };
}
