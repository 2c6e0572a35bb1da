import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** The one database type for both drivers (PGlite and node-postgres): same schema, same SQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle or the database itself: anything that can run a query. */
export type Queryable = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

export type DbKind = "pglite" | "postgres";

export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> };

/** Rows of a raw query. Both drivers answer `{ rows }`; column types are the caller's promise. */
export async function queryRows<T>(db: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
