// Browsers say where a request comes from in Sec-Fetch-Site. A GET with a side effect (the audit
// export writes an `audit.export` row) must not run when another site starts it: the session cookie
// is SameSite=Lax, so it rides along on a cross-site top-level navigation. Browsers send the header
// to every https and loopback origin; a request without it is not a browser's (a script, curl), and
// a script carries no victim's cookie. No imports: unit-tested directly.

type HeaderReader = Pick<Headers, "get">;

/** True for a browser request started by another origin (same-site included: another port is another app). */
export function isForeignBrowserRequest(headers: HeaderReader): boolean {
  const site = headers.get("sec-fetch-site");
  // `none`: the user typed the address or opened a bookmark.
  return site !== null && site !== "same-origin" && site !== "none";
}
