// Where a user goes after signing in. `next` comes from the address bar, so it is attacker-chosen:
// browsers drop tabs and newlines while parsing a URL and treat a backslash as a slash, so
// `/\t/evil.example` or `/\\evil.example` reach another site even though they start with one `/`.
// Rather than listing bad prefixes, the candidate is resolved the way a browser would resolve it
// against the console's own public URL, and only a same-origin pathname + search is kept.
// No imports: the unit tests call it with any public URL.

const MAX_LENGTH = 2048;
/** C0 controls, DEL and the C1 range: none belongs in a path we hand back, and browsers strip some. */
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/** A same-origin path (+ query) on `publicUrl`, or "/" when `raw` is anything else. */
export function returnPathFor(raw: string | null | undefined, publicUrl: string): string {
  if (!raw || raw.length > MAX_LENGTH || !raw.startsWith("/") || CONTROL_OR_BACKSLASH.test(raw)) return "/";
  let resolved: URL;
  let base: URL;
  try {
    base = new URL(publicUrl);
    resolved = new URL(raw, base);
  } catch {
    return "/";
  }
  if (resolved.origin !== base.origin) return "/";
  // Dot segments can collapse to `//host` (`/.//evil.example`), which a browser reads as another site.
  if (resolved.pathname.startsWith("//") || resolved.pathname === "/login" || resolved.pathname.startsWith("/login/")) return "/";
  return `${resolved.pathname}${resolved.search}`;
}
