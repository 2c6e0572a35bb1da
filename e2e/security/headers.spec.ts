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
  });
}

test("robots.txt is served to anyone and keeps crawlers out of the console", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Disallow: /");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
