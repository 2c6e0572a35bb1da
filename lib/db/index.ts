import "server-only";
export { closeDb, getDb, getDbHandle, installDbForTests, openPglite, openPostgres } from "./client";
export { queryRows, type Db, type DbHandle, type DbKind, type Queryable } from "./types";
export * as schema from "./schema";
