import "server-only";
import { sql, type Column, type SQL } from "drizzle-orm";

/**
 * Many columns read as one: the database packs a row's values into one JSON array (as text), and
 * JS parses it with one native JSON.parse. On PGlite, the driver decodes every column of every
 * row in JS (a protocol field, a type parser, drizzle's mapping), which made the export of
 * 25 columns spend most of its time there (docs/decisions/0032-audit-export-rate.md).
 *
 * Each value is then mapped exactly as drizzle maps the column it came from, so a row read packed
 * equals the row drizzle reads: a JSON string, number, boolean or array holds what the driver would
 * have handed drizzle (jsonb values arrive as parsed JSON either way; int8 as a number; a
 * timestamptz as its text, which drizzle's column turns into a Date).
 */
export function packColumns(columns: Record<string, Column>): SQL<string> {
  return sql<string>`json_build_array(${sql.join(Object.values(columns), sql`, `)})::text`;
}

/** The reverse of packColumns for the same column map: one object per packed row. */
export function unpackColumns(columns: Record<string, Column>): (packed: string) => Record<string, unknown> {
  const fields = Object.entries(columns);
  return (packed) => {
    const values = JSON.parse(packed) as unknown[];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const [key, column] = fields[i]!;
      const value = values[i];
      // drizzle's own rule (mapResultRow): null stays null, anything else goes through the column.
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row;
  };
}
