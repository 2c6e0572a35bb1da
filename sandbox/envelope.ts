import { randomBytes } from "node:crypto";

/** CAN's response envelope. `code` is a string on the wire, "200" on success. */
export type Envelope = {
  data: unknown;
  success: boolean;
  code: string;
  errorMsg: string | null;
  detailErrorMsg: string | null;
  traceId: string;
};

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function okEnvelope(data: unknown, extra: Record<string, unknown> = {}): Envelope {
  return { data, success: true, code: "200", errorMsg: null, detailErrorMsg: null, ...extra, traceId: newTraceId() };
}

export function failEnvelope(code: string, errorMsg: string, detailErrorMsg: string | null = null): Envelope {
  return { data: null, success: false, code, errorMsg, detailErrorMsg, traceId: newTraceId() };
}
