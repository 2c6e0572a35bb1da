import "server-only";
import { z } from "zod";
import { CONSOLE_CODES, canEnvelope, clearPartitionWire, partitionListQuery, planListWire, planQuery, updatePartitionWire } from "./wire";

// The `/can` API's OpenAPI 3.1 document, generated from the same zod schemas that validate the
// requests (zod's JSON Schema output is draft 2020-12, the dialect OpenAPI 3.1 uses).

const PREFIX = "/can/anymetrics/api/v1/accelerate/plan";
const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", io: "input", unrepresentable: "any" });

const headers = [
  { name: "tenant-id", in: "header", required: true, schema: { type: "string" }, description: "The console's tenant id" },
  { name: "auth-type", in: "header", required: true, schema: { type: "string", const: "APIKEY" } },
  {
    name: "auth-value",
    in: "header",
    required: true,
    schema: { type: "string", pattern: "^cpc_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$" },
    description: "A console API token (from /admin or `npm run users -- token create`)",
  },
];

function queryParameters(s: z.ZodObject) {
  const json = schema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({ name, in: "query", required: json.required?.includes(name) ?? false, schema: p }));
}

const errorResponses = Object.fromEntries(
  [...new Set(Object.values(CONSOLE_CODES).map((c) => c.status))].map((status) => [
    String(status),
    {
      description: Object.entries(CONSOLE_CODES)
        .filter(([, c]) => c.status === status)
        .map(([code, c]) => `${code}: ${c.meaning}`)
        .join("; "),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } },
    },
  ]),
);

const answered = (what: string) => ({
  "200": {
    description: `${what}: CAN's answer as CAN sent it (success:false with CAN's code and errorMsg when CAN refused)`,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } },
  },
  ...errorResponses,
});

function mark(summary: string, body: z.ZodType) {
  return {
    post: {
      summary,
      parameters: [
        ...headers,
        {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          schema: { type: "string", maxLength: 200 },
          description:
            "The same key and body within 24 h answer the recorded outcome without calling CAN again; the same key with another body is refused (409)",
        },
      ],
      requestBody: { required: true, content: { "application/json": { schema: schema(body) } } },
      responses: answered("Marked"),
    },
  };
}

export function canApiOpenApi(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "CAN Partition Console: CAN's API for schedulers",
      version: "1",
      description:
        "CAN's own partition endpoints, served by the console so every mark is checked and lands in the tenant's audit log. Change only the base URL and the key. Rate limit: per token per minute (429 with Retry-After).",
    },
    paths: {
      [`${PREFIX}/updatePartition`]: mark("Mark partitions success and/or failed (no ranges: a full-refresh plan's refresh)", updatePartitionWire),
      [`${PREFIX}/clearPartition`]: mark("Clear partitions", clearPartitionWire),
      [`${PREFIX}/queryMtPartitionList`]: {
        get: {
          summary: "A page of the plan's partition list",
          parameters: [...headers, ...queryParameters(partitionListQuery)],
          responses: answered("The page"),
        },
      },
      [`${PREFIX}/queryAccelerateResultPlan`]: {
        get: { summary: "A plan's details", parameters: [...headers, ...queryParameters(planQuery)], responses: answered("The plan") },
      },
      [`${PREFIX}/queryReferenceScript`]: {
        get: {
          summary: "A plan's reference schedule and SQL scripts",
          parameters: [...headers, ...queryParameters(planQuery)],
          responses: answered("The scripts"),
        },
      },
      [`${PREFIX}/queryAccelerateResultPlanList`]: {
        post: {
          summary: "A page of the tenant's plans",
          parameters: headers,
          requestBody: { required: true, content: { "application/json": { schema: schema(planListWire) } } },
          responses: answered("The page"),
        },
      },
    },
    components: { schemas: { Envelope: schema(canEnvelope) } },
  };
}
