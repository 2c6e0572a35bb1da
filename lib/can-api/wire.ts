import { z } from "zod";

// CAN's wire format as the `/can` API accepts it from schedulers (../shared/can-api.md): the same
// bodies, query strings and answer envelope CAN itself speaks. Client-safe (the OpenAPI document is
// generated from these schemas).

const timeRange = z
  .object({
    dateGranularity: z.string().max(16).describe("Must equal the plan's metricTimeGranularity (DAY or MONTH)"),
    startTime: z.string().max(32).describe("ISO local date-time, e.g. 2025-10-22T00:00:00 (MONTH: the first day, 2025-10-01T00:00:00)"),
    endTime: z.string().max(32).describe("Inclusive; a one-partition range has endTime = startTime"),
  })
  .describe("CAN's time range");
// Java clients serialise an absent list as null.
const rangeList = z.array(timeRange).max(5_000).nullish();

export const updatePartitionWire = z
  .object({
    uuid: z.string().min(1).max(64).describe("The plan's id"),
    runType: z.literal("MANUAL").nullish(),
    successTimeRange: rangeList.describe("Partitions to mark success"),
    failedTimeRange: rangeList.describe("Partitions to mark failed"),
  })
  .describe("updatePartition request: both lists empty or absent marks a full-refresh plan's refresh successful");

export const clearPartitionWire = z
  .object({
    uuid: z.string().min(1).max(64).describe("The plan's id"),
    timeRange: z.array(timeRange).min(1).max(5_000).describe("Partitions to clear"),
  })
  .describe("clearPartition request (the documented field-table form)");

const pageNumber = z.coerce.number().int().min(1).max(1_000_000);
export const partitionListQuery = z.object({ uuid: z.string().min(1).max(64), pageNumber, pageSize: z.coerce.number().int().min(1).max(10_000) });
export const planQuery = z.object({ uuid: z.string().min(1).max(64) });

export const planListWire = z
  .object({
    materializeType: z.enum(["ACCELERATE", "RESULT", "EXTERNAL"]).nullish(),
    pager: z.object({ pageNumber, pageSize: z.number().int().min(1).max(1_000) }),
  })
  .describe("queryAccelerateResultPlanList request");

export const canEnvelope = z
  .object({
    success: z.boolean(),
    code: z.string().describe("CAN's code (\"200\" on success), or one of the console's CONSOLE_* codes"),
    errorMsg: z.string().nullable(),
    detailErrorMsg: z.string().nullable(),
    traceId: z.string().nullable().optional(),
    data: z.unknown(),
  })
  .describe("CAN's answer envelope");

/** The console's own refusals, in CAN's envelope, with the HTTP status each answers with. */
export const CONSOLE_CODES = {
  CONSOLE_UNAUTHENTICATED: { status: 401, meaning: "No token, or a token that is malformed, unknown, expired or revoked" },
  CONSOLE_FORBIDDEN: {
    status: 403,
    meaning: "The token belongs to another tenant than tenant-id, auth-type is not APIKEY, or its role does not allow this call",
  },
  CONSOLE_VALIDATION: { status: 400, meaning: "The body or query is not valid (shape, real dates, granularity, limits)" },
  CONSOLE_NOT_FOUND: { status: 404, meaning: "No such endpoint, or no such plan in the tenant" },
  CONSOLE_CONFLICT: { status: 409, meaning: "The plan cannot take this mark, or an Idempotency-Key was reused with another body or is still in progress" },
  CONSOLE_RATE_LIMITED: { status: 429, meaning: "Over the token's requests per minute; wait for Retry-After seconds" },
  CONSOLE_PAYLOAD_TOO_LARGE: { status: 413, meaning: "The body is over 1 MB" },
  CONSOLE_UPSTREAM_UNAVAILABLE: { status: 502, meaning: "CAN could not be reached or did not answer in time; for a mark, CAN may or may not have applied it" },
  CONSOLE_INTERNAL: { status: 500, meaning: "The console failed; quote the traceId (the console's request id)" },
} as const;
export type ConsoleCode = keyof typeof CONSOLE_CODES;
