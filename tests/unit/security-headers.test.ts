import { describe, expect, it } from "vitest";
import { isForeignBrowserRequest } from "@/lib/http/fetch-metadata";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

describe("Content-Security-Policy and HSTS (lib/http/security-headers.ts)", () => {
  it("scripts need this response's nonce: no 'unsafe-inline' and, in production, no 'unsafe-eval'", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const script = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });

  it("forms go to our own origin, and to the identity provider's only when company sign-in is on", () => {
    const formAction = (csp: string) => csp.split("; ").find((d) => d.startsWith("form-action "));
    expect(formAction(contentSecurityPolicy("n", false))).toBe("form-action 'self'");
    expect(formAction(contentSecurityPolicy("n", false, ["https://sso.example.com"]))).toBe("form-action 'self' https://sso.example.com");
  });

  it("a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("HSTS only when PUBLIC_URL is https", () => {
    expect(strictTransportSecurity("https://console.example.com")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(strictTransportSecurity("http://127.0.0.1:3000")).toBeNull();
  });
});

describe("Sec-Fetch-Site on side-effecting GETs (lib/http/fetch-metadata.ts)", () => {
  it.each([
    ["cross-site", true],
    ["same-site", true],
    ["same-origin", false],
    ["none", false],
  ])("Sec-Fetch-Site: %s → foreign %s", (site, foreign) => {
    expect(isForeignBrowserRequest(new Headers({ "sec-fetch-site": site }))).toBe(foreign);
  });

  it("a request without the header is not a browser's and carries no victim's cookie", () => {
    expect(isForeignBrowserRequest(new Headers())).toBe(false);
  });
});
