import { expect, test } from "../fixtures";

// Security headers on every kind of response: pages (signed in and out), route handlers, errors.
test.use({ user: null });

for (const path of ["/login", "/", "/t/acme/plans", "/api/health", "/api/health/ready", "/api/t/acme/plans", "/robots.txt", "/no-such-page"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-powered-by"]).toBeUndefined();
    // Scripts only with a nonce: inline script from anywhere else is refused (docs/decisions/0012-web-hardening-review.md).
    const scriptSrc =
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    if (path !== "/robots.txt") expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    // PUBLIC_URL is http here: no HSTS (it would pin 127.0.0.1 to https). tests/unit/security-headers.test.ts covers https.
    expect(h["strict-transport-security"]).toBeUndefined();
  });
}

test("each page response has its own nonce, and every script Next writes into the page carries it", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/login");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeDefined();
    nonces.add(nonce ?? "");
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test("the proxy's static-file exclusions end at a boundary: look-alike paths still go through it", async ({ request }) => {
  for (const path of ["/robots.txt.x", "/robots.txtx", "/favicon.icox", "/_next/staticX", "/_next/static.evil", "/_next/imagex"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    // Signed out: the proxy sends the visitor to sign in, with a nonce CSP on the answer.
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/\/login\?next=/);
    expect(response.headers()["content-security-policy"], path).toMatch(/'nonce-/);
  }
  // The real static files are still served without it.
  expect((await request.get("/favicon.ico", { maxRedirects: 0 })).status()).toBe(200);
});

test("robots.txt is served to anyone and keeps crawlers out of the console", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Disallow: /");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
