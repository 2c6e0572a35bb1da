// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds the request's language and messages in i18n/request.ts (ADR 0024). The catalogues
// are compiled at build time, so the browser gets no ICU parser (12.7 kB gzip of every page).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The deploy recipe (README "Deploying") builds a self-contained server with
  // CONSOLE_STANDALONE_BUILD=1; `npm start` and the tests serve the ordinary build with `next start`,
  // which refuses to serve a standalone build without a warning.
  ...(process.env.CONSOLE_STANDALONE_BUILD === "1" ? { output: "standalone" } : {}),
  // `npm test` runs `tsc --noEmit` over the whole project (e2e and scripts too) as its own step.
  typescript: { ignoreBuildErrors: true },
  // The OpenTelemetry SDK loads only when tracing is configured (lib/telemetry/tracing.ts); left to
  // Node, so its platform-conditional imports resolve as the package intends.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-trace",
  ],
  // React's taint API (lib/tenants.ts taints every CAN credential). Next then serves React's
  // experimental channel to the app, which is where the API lives.
  // authInterrupts: `forbidden()` answers 403 with app/forbidden.tsx (a role that lacks a permission).
  experimental: { taint: true, authInterrupts: true },
  async headers() {
    // Pages, route handlers and anything else proxy.ts sees get their CSP (with a per-request script
    // nonce) and HSTS there. The files the proxy's matcher skips get this fixed policy, with no
    // inline script allowed at all.
    const staticCsp = {
      key: "Content-Security-Policy",
      value:
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    };
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      ...["/_next/static/:path*", "/_next/image", "/favicon.ico", "/robots.txt"].map((source) => ({ source, headers: [staticCsp] })),
      // The scheduler API answers JSON only: nothing in it may load or run.
      {
        source: "/can/anymetrics/api/v1/accelerate/plan/:endpoint",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
