import "server-only";
import { SpanKind, withSpan } from "@/lib/telemetry/tracing";

type Method = (...args: unknown[]) => unknown;

/** Enough of a statement to recognise it in a trace; parameters are never recorded. */
const MAX_STATEMENT = 500;

function statementOf(args: unknown[]): string {
  const first = args[0];
  const text = typeof first === "string" ? first : typeof first === "object" && first && "text" in first ? String(first.text) : "";
  return text.length > MAX_STATEMENT ? `${text.slice(0, MAX_STATEMENT)}…` : text;
}

function tracedQuery(target: object, query: Method): Method {
  return (...args) =>
    withSpan("db.query", { kind: SpanKind.CLIENT, attributes: { "db.system.name": "postgresql", "db.query.text": statementOf(args) } }, () =>
      Promise.resolve(query.apply(target, args)),
    );
}

/**
 * The database client drizzle is given, with a span around every query (PGlite's `query`, a pg
 * pool's or pooled client's `query`) and around the queries of a transaction or a checked-out
 * client. Used only while tracing is on, so a console without it pays nothing.
 */
export function traceQueries<C extends object>(client: C): C {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      const method = value as Method;
      if (key === "query") return tracedQuery(target, method);
      // PGlite: transaction(fn) hands fn its own query object.
      if (key === "transaction") return (fn: (tx: object) => unknown, ...rest: unknown[]) => method.call(target, (tx: object) => fn(traceQueries(tx)), ...rest);
      // pg.Pool: connect() checks out a client that drizzle runs a transaction's queries on.
      if (key === "connect")
        return async (...args: unknown[]) => {
          const checkedOut = (await method.apply(target, args)) as object | undefined;
          return checkedOut ? traceQueries(checkedOut) : checkedOut;
        };
      return method.bind(target);
    },
  });
}
