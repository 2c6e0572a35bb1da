// The Content-Security-Policy and HSTS that proxy.ts puts on every response it handles. Scripts run
// only with this request's nonce: Next reads it from the request's CSP header and stamps it on its
// own inline and chunk scripts, and 'strict-dynamic' lets those load the rest of the bundle. Styles
// keep 'unsafe-inline' (React `style` attributes; a style cannot run code). Pure: unit-tested.

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * `dev`: React's development build evaluates source maps with eval; never in a production build.
 * `formTargets`: origins a form may lead to besides our own. The company sign-in button posts to us
 * and is redirected to the identity provider, and form-action also governs that redirect (before
 * the page's JavaScript runs, the browser follows it itself).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean, formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
  ].join("; ");
}

/** Only over https: a browser ignores HSTS on http, and pinning http://127.0.0.1 to https would break it. */
export function strictTransportSecurity(publicUrl: string): string | null {
  return new URL(publicUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}
