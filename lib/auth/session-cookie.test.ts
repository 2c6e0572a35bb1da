import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCookie, verifySignedToken } from "./session-cookie";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const sign = (token: string, secret = SECRET) => `${token}.${createHmac("sha256", secret).update(token).digest("base64")}`;

describe("session cookie", () => {
  it("reads the named cookie, URL-decoded, and ignores look-alikes", () => {
    const header = `x-can-console.session_token=nope; can-console.session_token=${encodeURIComponent(sign("tok"))}; other=1`;
    expect(readCookie(header, "can-console.session_token")).toBe(sign("tok"));
    expect(readCookie(header, "missing")).toBeNull();
    expect(readCookie(null, "can-console.session_token")).toBeNull();
  });

  it("accepts a token signed with the secret, as better-call signs it", () => {
    expect(verifySignedToken(sign("abc123"), SECRET)).toBe("abc123");
  });

  it("refuses another secret, a changed token, a missing or malformed signature", () => {
    expect(verifySignedToken(sign("abc123", "another-secret-another-secret-another"), SECRET)).toBeNull();
    expect(verifySignedToken(sign("abc123").replace("abc123", "abc124"), SECRET)).toBeNull();
    expect(verifySignedToken("abc123", SECRET)).toBeNull();
    expect(verifySignedToken("abc123.short=", SECRET)).toBeNull();
    expect(verifySignedToken(`.${sign("x").split(".")[1]}`, SECRET)).toBeNull();
  });
});
