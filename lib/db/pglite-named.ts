import "server-only";
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";

type PgliteModule = typeof import("@electric-sql/pglite");
type BackendMessage = Awaited<ReturnType<PGlite["execProtocolStream"]>>[number];

/**
 * Named prepared statements for PGlite (ADR 0031). drizzle's PGlite driver sends every statement
 * unnamed (Parse, Describe, Bind, Describe, Execute, Sync: six round trips into the WebAssembly
 * Postgres), so Postgres parses and plans it again each time, sizing every relation it touches.
 * This client, given to drizzle instead of the PGlite instance, prepares a statement under a name
 * the second time its text is seen, then runs it as Bind + Execute + Sync in one round trip, and
 * Postgres reuses the parse and, once it judges it no worse, a generic plan.
 *
 * Kept as PGlite's own `query` keeps it: one statement at a time (its query lock), never inside
 * another caller's transaction (its transaction lock), values serialized by the parameter types
 * Postgres reports, rows parsed by PGlite's `parseResults` with the same parsers, errors thrown as
 * the same `DatabaseError` with `query`/`params`/`queryOptions` attached. A statement that errors
 * is closed and forgotten, so the next call parses it afresh.
 */

/** Only statements Postgres plans gain anything; utility statements (SET, SAVEPOINT, BEGIN) stay unnamed. */
const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** A text is prepared on its second sighting: one-off statements never take a name. */
const PREPARE_ON_SIGHTING = 2;
/** Prepared statements kept per instance; the least recently used one is closed past this. */
export const MAX_PREPARED = 100;
/** Texts counted toward their second sighting; the count starts over past this. */
const MAX_SIGHTED = 1_000;

type Parser = PGlite["parsers"][number];
type RowDescription = InstanceType<PgliteModule["messages"]["RowDescriptionMessage"]>;
type Prepared = { name: string; paramTypes: number[]; rowDescription: RowDescription | undefined };

export type NamedStatementStats = { prepares: number; executions: number; closes: number };

const raw = new WeakMap<object, PGlite>();
const statsOf = new WeakMap<object, NamedStatementStats>();

/** The PGlite instance behind a client from `withNamedStatements` (tests compare both paths). */
export function unnamedClient(client: object): PGlite | undefined {
  return raw.get(client);
}

/** How often the client prepared, ran and closed named statements (tests assert the path is taken). */
export function namedStatementStats(client: object): NamedStatementStats | undefined {
  return statsOf.get(client);
}

export async function withNamedStatements(client: PGlite): Promise<PGlite> {
  const { protocol, parse, messages } = await import("@electric-sql/pglite");
  const cache = new StatementCache(client, protocol.serialize, parse.parseResults, messages.DatabaseError);
  const wrapTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, key) {
        if (key !== "query") return Reflect.get(target, key, target) as unknown;
        return (text: string, params?: unknown[], options?: QueryOptions) => {
          if (target.closed || !cache.wants(text, options)) return target.query(text, params, options);
          // The transaction already holds PGlite's transaction lock; take the query lock only.
          return client.runExclusive(() => cache.run(text, params ?? [], options, false));
        };
      },
    });
  const wrapped = new Proxy(client, {
    get(target, key) {
      if (key === "query")
        return async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
          if (target.closed || !cache.wants(text, options)) return target.query<T>(text, params, options);
          await target._checkReady();
          return target._runExclusiveTransaction(() => target.runExclusive(() => cache.run<T>(text, params ?? [], options, true)));
        };
      if (key === "transaction") return <T>(fn: (tx: Transaction) => Promise<T>) => target.transaction((tx) => fn(wrapTx(tx)));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  raw.set(wrapped, client);
  statsOf.set(wrapped, cache.stats);
  return wrapped;
}

class StatementCache {
  readonly stats: NamedStatementStats = { prepares: 0, executions: 0, closes: 0 };
  /** Text → prepared statement, least recently used first (a Map keeps insertion order). */
  private readonly prepared = new Map<string, Prepared>();
  private readonly sighted = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly client: PGlite,
    private readonly serialize: PgliteModule["protocol"]["serialize"],
    private readonly parseResults: PgliteModule["parse"]["parseResults"],
    private readonly DatabaseError: PgliteModule["messages"]["DatabaseError"],
  ) {}

  /** Whether a call takes the named path; counts the sighting. Options beyond drizzle's (blobs, given parameter types, notices) keep PGlite's own path. */
  wants(text: string, options: QueryOptions | undefined): boolean {
    if (options && (options.blob || options.paramTypes || options.onNotice)) return false;
    if (this.prepared.has(text)) return true;
    if (!PLANNABLE.test(text)) return false;
    const seen = (this.sighted.get(text) ?? 0) + 1;
    if (this.sighted.size >= MAX_SIGHTED) this.sighted.clear();
    this.sighted.set(text, seen);
    return seen >= PREPARE_ON_SIGHTING;
  }

  /** Runs under PGlite's query lock (and, outside a transaction, its transaction lock). */
  async run<T>(text: string, params: unknown[], options: QueryOptions | undefined, syncAfter: boolean): Promise<Results<T>> {
    let statement = this.prepared.get(text);
    try {
      if (statement) {
        this.prepared.delete(text); // re-inserted below: most recently used
      } else {
        statement = await this.prepare(text);
      }
      this.prepared.set(text, statement);
      await this.evictBeyond(MAX_PREPARED);
      const values = this.serializeParams(params, statement.paramTypes, options);
      const reply = await this.client.execProtocolStream(
        concat([this.serialize.bind({ statement: statement.name, values }), this.serialize.execute({}), this.serialize.sync()]),
        { syncToFs: false },
      );
      this.stats.executions++;
      if (syncAfter) await this.client.syncToFs();
      const rows = statement.rowDescription ? [statement.rowDescription, ...reply] : reply;
      return this.parseResults(rows, this.parsersFor(statement, options), options?.rowMode ? { rowMode: options.rowMode } : undefined)[0] as Results<T>;
    } catch (e) {
      // Never keep a statement that failed: a changed table can leave it failing for good
      // ("cached plan must not change result type"); the next call prepares it again.
      if (statement && this.prepared.get(text) === statement) {
        this.prepared.delete(text);
        await this.close(statement.name);
      }
      if (e instanceof this.DatabaseError) Object.assign(e, { query: text, params, queryOptions: options });
      throw e;
    }
  }

  /** Parse + Describe under a new name (never reused, so a half-made statement cannot collide). */
  private async prepare(text: string): Promise<Prepared> {
    const name = `pglite_named_${++this.counter}`;
    let described: BackendMessage[];
    try {
      described = await this.client.execProtocolStream(concat([this.serialize.parse({ name, text }), this.serialize.describe({ type: "S", name })]), {
        syncToFs: false,
      });
    } catch (e) {
      await this.client.execProtocolStream(this.serialize.sync(), { syncToFs: false, throwOnError: false });
      await this.close(name);
      throw e;
    }
    this.sighted.delete(text);
    this.stats.prepares++;
    const params = described.find((m) => m.name === "parameterDescription") as { dataTypeIDs: number[] } | undefined;
    const rowDescription = described.find((m) => m.name === "rowDescription") as RowDescription | undefined;
    return { name, paramTypes: params?.dataTypeIDs ?? [], rowDescription };
  }

  /**
   * The parser of each result column, as PGlite picks it (the call's parser for the type, else the
   * instance's). PGlite's `query` merges the call's parsers into a copy of all of the instance's
   * (a few hundred types) on every call; the columns' types are all a result needs.
   */
  private parsersFor(statement: Prepared, options: QueryOptions | undefined): Record<number, Parser> {
    const own = options?.parsers;
    const out: Record<number, Parser> = {};
    for (const { dataTypeID: oid } of statement.rowDescription?.fields ?? []) {
      const parser = own && oid in own ? own[oid] : this.client.parsers[oid];
      if (parser) out[oid] = parser;
    }
    return out;
  }

  /** PGlite's own rule: null stays null, a serializer for the parameter's type, else `toString()`. */
  private serializeParams(params: unknown[], types: number[], options: QueryOptions | undefined): (string | null)[] {
    return params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = types[i] ?? 0;
      const serialize = options?.serializers?.[oid] ?? this.client.serializers[oid];
      return serialize ? serialize(param) : String(param as string);
    });
  }

  private async evictBeyond(max: number): Promise<void> {
    for (const [text, statement] of this.prepared) {
      if (this.prepared.size <= max) break;
      this.prepared.delete(text);
      await this.close(statement.name);
    }
  }

  /** Best effort: Close is answered even in an aborted transaction, and closing an unknown name is no error. */
  private async close(name: string): Promise<void> {
    this.stats.closes++;
    await this.client.execProtocolStream(concat([this.serialize.close({ type: "S", name }), this.serialize.sync()]), {
      syncToFs: false,
      throwOnError: false,
    });
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
