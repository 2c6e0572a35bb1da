import type { Db } from "./types";

/**
 * A query built and prepared once per database handle (tests swap databases, so not once per
 * process): a request then pays for running the query only, not for building its SQL.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let q = byDb.get(db);
    if (!q) {
      q = build(db);
      byDb.set(db, q);
    }
    return q;
  };
}
