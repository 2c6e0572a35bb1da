import { describe, expect, it } from "vitest";
import { canAppError } from "@/lib/api/to-app-error";
import { CanError, type CanErrorDetails } from "@/lib/can/errors";

const failure = (details: Partial<CanErrorDetails> & Pick<CanErrorDetails, "kind">) =>
  new CanError({ endpoint: "updatePartition", requestId: "req-1", ...details });

describe("the one mapping of CAN failures", () => {
  it.each([
    [{ kind: "rejected", code: "400", errorMsg: "bad range" }, "UPSTREAM_REJECTED"],
    [{ kind: "http", httpStatus: 403 }, "UPSTREAM_REJECTED"],
    [{ kind: "http", httpStatus: 502 }, "UPSTREAM_UNAVAILABLE"],
    [{ kind: "malformed", errorMsg: "not JSON" }, "UPSTREAM_UNAVAILABLE"],
    [{ kind: "timeout" }, "UPSTREAM_UNAVAILABLE"],
    [{ kind: "network", errorMsg: "ECONNREFUSED" }, "UPSTREAM_UNAVAILABLE"],
    [{ kind: "unsettled" }, "UPSTREAM_UNAVAILABLE"],
  ] as const)("%j -> %s", (details, code) => {
    const e = failure(details);
    expect(canAppError(e)).toMatchObject({ code, message: e.message, requestId: "req-1", can: { kind: details.kind } });
  });
});
