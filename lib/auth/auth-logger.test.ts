import { describe, expect, it } from "vitest";
import { authLogFields } from "./auth-logger";

const ESC = String.fromCharCode(27);

describe("Better Auth's log fields", () => {
  it("carry its words with no colour codes", () => {
    const fields = authLogFields(`${ESC}[33mWARN${ESC}[0m Base URL could not be determined`, [`${ESC}[2mhint${ESC}[22m`, new Error("boom"), { a: 1 }]);
    expect(JSON.stringify(fields)).not.toContain(ESC);
    expect(fields).toEqual({ message: "WARN Base URL could not be determined", detail: ["hint", "boom", '{"a":1}'] });
  });

  it("leave out the detail when there is none", () => {
    expect(authLogFields("failed", [])).toEqual({ message: "failed" });
  });
});
