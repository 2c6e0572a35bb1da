import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, isServerActionRequest, refuseServerAction } from "@/lib/http/action-guard";

const h = (init: Record<string, string>) => new Headers(init);
/** `trustForwardedHost`: X-Forwarded-Host names the host only when a proxy is declared (TRUST_FORWARDED_HOST). */
const refuse = (init: Record<string, string>, trustForwardedHost = false) => refuseServerAction(h(init), trustForwardedHost);
const same = { host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100", "content-length": "120", "next-action": "7f00" };

describe("server-action guard (proxy.ts)", () => {
  it("server-action requests: POSTs to pages with a Next-Action header or a form body", () => {
    expect(isServerActionRequest("POST", h({ "next-action": "7f00" }), "/t/acme/plans/x")).toBe(true);
    expect(isServerActionRequest("POST", h({ "content-type": "multipart/form-data; boundary=x" }), "/login")).toBe(true);
    expect(isServerActionRequest("POST", h({ "content-type": "application/x-www-form-urlencoded" }), "/login")).toBe(true);
    expect(isServerActionRequest("GET", h({ "next-action": "7f00" }), "/")).toBe(false);
    expect(isServerActionRequest("POST", h({ "content-type": "application/json" }), "/")).toBe(false);
    expect(isServerActionRequest("POST", h({ "next-action": "7f00" }), "/api/t/acme/plans")).toBe(false);
  });

  it("a form posted before hydration: foreign or null Origin refused, none at all let through as Next does", () => {
    const { origin: _o, "next-action": _a, ...formNoOrigin } = same;
    expect(refuse({ ...formNoOrigin, origin: "https://evil.example" })?.status).toBe(403);
    expect(refuse({ ...formNoOrigin, origin: "null" })?.status).toBe(403);
    expect(refuse(formNoOrigin)).toBeNull();
  });

  it("lets a same-origin request through (Host, or the proxy's X-Forwarded-Host)", () => {
    expect(refuse(same)).toBeNull();
    expect(refuse({ ...same, host: "10.0.0.5:3000", "x-forwarded-host": "console.example.com", origin: "https://console.example.com" }, true)).toBeNull();
    // Not declared: the header is anyone's to send, and Host decides.
    expect(refuse({ ...same, host: "10.0.0.5:3000", "x-forwarded-host": "console.example.com", origin: "https://console.example.com" })?.status).toBe(403);
    expect(refuse({ ...same, origin: "http://127.0.0.1:3100/" })).toBeNull();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["a look-alike port", { origin: "http://127.0.0.1:3101" }],
    ["the opaque origin null", { origin: "null" }],
    ["a non-http scheme", { origin: "file://127.0.0.1:3100" }],
    ["garbage", { origin: "::::" }],
  ])("refuses %s with 403", (_label, override) => {
    expect(refuse({ ...same, ...override })).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("refuses a Next-Action call without Origin, and a forwarded host that differs from Origin", () => {
    const { origin: _o, ...noOrigin } = same;
    expect(refuse({ ...noOrigin, "next-action": "7f00" })?.status).toBe(403);
    expect(refuse({ ...same, "x-forwarded-host": "other.example" }, true)?.status).toBe(403);
  });

  it("refuses bodies over Next's 1 MB limit with 413, and bodies of unstated length with 411", () => {
    expect(refuse({ ...same, "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
    expect(refuse({ ...same, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) })?.status).toBe(413);
    const { "content-length": _l, ...noLength } = same;
    expect(refuse(noLength)?.status).toBe(411);
    expect(refuse({ ...same, "content-length": "12x" })?.status).toBe(411);
  });
});
