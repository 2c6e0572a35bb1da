import { z } from "zod";

// CAN's envelope. `code` is documented as a string; numbers are tolerated because they cost nothing.
export const envelopeSchema = z.looseObject({
  success: z.boolean(),
  code: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
  detailErrorMsg: z.string().nullish(),
  traceId: z.string().nullish(),
  data: z.unknown().optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** Read endpoints are documented bare; an object with a boolean `success` is taken as an envelope. */
export function looksLikeEnvelope(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && typeof (body as { success?: unknown }).success === "boolean";
}

export type EnvelopeVerdict =
  | { ok: true; payload: unknown }
  | { ok: false; code?: string | undefined; errorMsg: string; detailErrorMsg?: string | undefined; traceId?: string | undefined };

/**
 * `success:true` is not proof (one documented failure is `success:true, data:null` with an errorMsg):
 * an errorMsg, or null data where data is expected, is a failure too.
 */
export function judgeEnvelope(env: Envelope, expectsData: boolean, payloadOf: "data" | "whole"): EnvelopeVerdict {
  const code = env.code === null || env.code === undefined ? undefined : String(env.code);
  const failure = {
    code,
    detailErrorMsg: env.detailErrorMsg ?? undefined,
    traceId: env.traceId ?? undefined,
  };
  if (!env.success) return { ok: false, ...failure, errorMsg: env.errorMsg ?? "success is false with no errorMsg" };
  if (env.errorMsg) return { ok: false, ...failure, errorMsg: env.errorMsg };
  if (code !== undefined && code !== "200" && code !== "0") {
    return { ok: false, ...failure, errorMsg: `unexpected code ${code}` };
  }
  if (expectsData && (env.data === null || env.data === undefined)) {
    return { ok: false, ...failure, errorMsg: "data is null where data was expected" };
  }
  return { ok: true, payload: payloadOf === "data" ? env.data : env };
}
