import { describe, expect, it } from "vitest";
import { hostPolicyFrom, isAllowedHost } from "@/lib/http/host-guard";
import { requestKindOf } from "@/lib/http/request-kind";

const h = (init: Record<string, string>) => new Headers(init);
const local = hostPolicyFrom("http://127.0.0.1:3000", [], false);

describe("Host check against PUBLIC_URL (lib/http/host-guard.ts)", () => {
  it("serves PUBLIC_URL's host, in any letter case", () => {
    expect(isAllowedHost(h({ host: "127.0.0.1:3000" }), local)).toBe(true);
    const https = hostPolicyFrom("https://Console.Example.com", [], false);
    expect(isAllowedHost(h({ host: "console.example.com" }), https)).toBe(true);
    expect(isAllowedHost(h({ host: "CONSOLE.example.com:443" }), https)).toBe(true);
  });

  it.each([
    ["a rebinding name pointed at the loopback address", "evil.example:3000"],
    ["another loopback name", "localhost:3000"],
    ["another port", "127.0.0.1:3001"],
    ["no port", "127.0.0.1"],
    ["a look-alike suffix", "127.0.0.1:3000.evil.example"],
    ["an empty Host", ""],
  ])("refuses %s", (_label, host) => {
    expect(isAllowedHost(h({ host }), local)).toBe(false);
  });

  it("refuses a request without Host", () => {
    expect(isAllowedHost(h({}), local)).toBe(false);
  });

  it("ignores X-Forwarded-Host unless a proxy is declared to set it", () => {
    expect(isAllowedHost(h({ host: "evil.example:3000", "x-forwarded-host": "127.0.0.1:3000" }), local)).toBe(false);
    const proxied = hostPolicyFrom("https://console.example.com", [], true);
    expect(isAllowedHost(h({ host: "10.0.0.5:3000", "x-forwarded-host": "console.example.com, 10.0.0.5" }), proxied)).toBe(true);
    expect(isAllowedHost(h({ host: "console.example.com", "x-forwarded-host": "evil.example" }), proxied)).toBe(false);
  });

  it("answers to the hosts of ALLOWED_HOSTS too", () => {
    const both = hostPolicyFrom("https://console.example.com", ["console-b.example.com", "10.0.0.5:3000"], false);
    expect(isAllowedHost(h({ host: "console-b.example.com" }), both)).toBe(true);
    expect(isAllowedHost(h({ host: "10.0.0.5:3000" }), both)).toBe(true);
    expect(isAllowedHost(h({ host: "10.0.0.6:3000" }), both)).toBe(false);
  });
});

describe("what proxy.ts applies to which path (lib/http/request-kind.ts)", () => {
  it.each([
    ["/", "page"],
    ["/login", "page"],
    ["/t/acme/plans", "page"],
    ["/api/t/acme/plans", "route"],
    ["/api/t/acme/audit/export", "route"],
    ["/api/health", "probe"],
    ["/api/health/ready", "probe"],
    ["/api/metrics", "probe"],
    ["/api/health/x", "route"],
    ["/can/anymetrics/api/v1/partitions", "machine-api"],
    ["/can/anymetrics", "page"],
  ])("%s is a %s", (path, kind) => {
    expect(requestKindOf(path)).toBe(kind);
  });
});
