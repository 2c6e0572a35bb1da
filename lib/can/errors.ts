export type CanErrorKind = "network" | "timeout" | "http" | "rejected" | "malformed" | "unsettled";

export type CanErrorDetails = {
  kind: CanErrorKind;
  endpoint: string;
  requestId: string;
  httpStatus?: number | undefined;
  code?: string | undefined;
  errorMsg?: string | undefined;
  detailErrorMsg?: string | undefined;
  traceId?: string | undefined;
  /** Set when the failure was the tenant's credential itself (token/create), so the message names whose. */
  tenantId?: string | undefined;
};

const SUMMARY: Record<CanErrorKind, string> = {
  network: "CAN could not be reached",
  timeout: "CAN did not answer in time",
  http: "CAN answered with an HTTP error",
  rejected: "CAN refused the request",
  malformed: "CAN sent a response the console cannot read",
  unsettled: "CAN's list kept changing while the console read it",
};

/** One mark for every copy of this module: Next loads it once per bundle layer in one process. */
const CAN_ERROR = Symbol.for("can-partition-console.CanError");

/**
 * Every failure talking to CAN. The message is safe to show: it carries CAN's own words
 * (errorMsg, detailErrorMsg, traceId), which an operator needs, and never a credential.
 *
 * `instanceof CanError` is true for a CanError made by any copy of this class. A read shared across
 * requests (lib/services/shared-listing.ts keeps reads in flight on globalThis) can fail with an
 * error built by another layer's copy; a plain prototype check missed it, and a CAN refusal showed
 * as "something went wrong on the console's server".
 */
export class CanError extends Error {
  override name = "CanError";
  readonly details: CanErrorDetails;
  readonly [CAN_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && CAN_ERROR in value;
  }

  constructor(details: CanErrorDetails) {
    const where = details.tenantId === undefined ? details.endpoint : `${details.endpoint} for tenant "${details.tenantId}"`;
    super(`${SUMMARY[details.kind]} (${where})${details.errorMsg ? `: ${details.errorMsg}` : ""}`);
    this.details = details;
  }

  get kind(): CanErrorKind {
    return this.details.kind;
  }
}

/** A plain, serialisable view of a CanError for pages, route handlers and action results. */
export type CanErrorView = CanErrorDetails & { message: string };

export function toCanErrorView(e: CanError): CanErrorView {
  return { ...e.details, message: e.message };
}
