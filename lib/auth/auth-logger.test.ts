import { describe, expect, it } from "vitest";
import { authLogLine } from "./auth-logger";

const ESC = String.fromCharCode(27);

describe("Better Auth's log lines", () => {
  it("are one JSON object with no colour codes", () => {
    const line = authLogLine("warn", `${ESC}[33mWARN${ESC}[0m Base URL could not be determined`, [`${ESC}[2mhint${ESC}[22m`, new Error("boom"), { a: 1 }]);
    expect(line).not.toContain(ESC);
    expect(JSON.parse(line)).toEqual({
      event: "better_auth.warn",
      message: "WARN Base URL could not be determined",
      detail: ["hint", "boom", '{"a":1}'],
    });
  });

  it("leave out the detail when there is none", () => {
    expect(JSON.parse(authLogLine("error", "failed", []))).toEqual({ event: "better_auth.error", message: "failed" });
  });
});
