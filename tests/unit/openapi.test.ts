// The `/can` API's OpenAPI document comes from the schemas that validate requests: the documented
// updatePartition example validates against it, and every endpoint the API serves is in it.
import { describe, expect, it } from "vitest";
import { canApiOpenApi } from "@/lib/can-api/openapi";
import { CONSOLE_CODES } from "@/lib/can-api/wire";

describe("OpenAPI document of the /can API", () => {
  const doc = canApiOpenApi() as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
          responses: Record<string, { description: string }>;
        }
      >
    >;
  };

  it("is OpenAPI 3.1 with every endpoint the API serves", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(
      Object.keys(doc.paths)
        .map((p) => p.split("/").at(-1))
        .sort(),
    ).toEqual(
      [
        "clearPartition",
        "queryAccelerateResultPlan",
        "queryAccelerateResultPlanList",
        "queryMtPartitionList",
        "queryReferenceScript",
        "updatePartition",
      ].sort(),
    );
  });

  it("describes updatePartition's body from its zod schema, and every console code", () => {
    const op = doc.paths["/can/anymetrics/api/v1/accelerate/plan/updatePartition"]?.post;
    const body = op?.requestBody?.content["application/json"]?.schema;
    expect(body?.required).toEqual(["uuid"]);
    expect(Object.keys(body?.properties ?? {}).sort()).toEqual(["failedTimeRange", "runType", "successTimeRange", "uuid"]);
    const described = Object.values(op?.responses ?? {})
      .map((r) => r.description)
      .join(" ");
    for (const code of Object.keys(CONSOLE_CODES)) expect(described).toContain(code);
  });
});
