// Which plans of a visible page get a strip, and how that one request is spelled. The page's server
// component starts the read and the browser refetches it through the route: both derive the query key
// from here, so the browser picks up the read the server began instead of asking again (ADR 0033).

type Listed = { uuid: string; materializeType: string };

/** The page's EXTERNAL plans in the table's order; other plans' rows need no health. */
export function healthUuids(items: readonly Listed[]): string[] {
  return items.filter((p) => p.materializeType === "EXTERNAL").map((p) => p.uuid);
}

/** The route's query string for those plans (`uuid=…&uuid=…`), also the query key's last part. */
export function healthSearch(uuids: readonly string[]): string {
  return new URLSearchParams(uuids.map((u) => ["uuid", u])).toString();
}
