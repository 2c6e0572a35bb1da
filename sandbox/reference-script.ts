import { mtColumns } from "./plan-detail";
import type { PlanRecord } from "./state-types";

const sql = (text: string): { sql: string } => ({ sql: text });

/**
 * The queryReferenceScript body: StarRocks-flavoured SQL an operator could run to build and backfill
 * the external table. Placeholders in {{braces}} stand for the partition being written.
 */
export function referenceScript(plan: PlanRecord): Record<string, unknown> {
  const { tableCatalog, tableSchema, tableName } = plan.tablePath;
  const table = `\`${tableCatalog}\`.\`${tableSchema}\`.\`${tableName}\``;
  const columns = mtColumns(plan);
  const columnDdl = columns.map((c) => `  \`${c.columnName}\` ${c.type}${c.role === "TIME" ? " NOT NULL" : ""}`);
  const keyColumns = columns.filter((c) => c.role !== "METRIC").map((c) => `\`${c.columnName}\``);
  const partitioned = !plan.isFullRefresh;

  const createTable = [
    `CREATE TABLE IF NOT EXISTS ${table} (`,
    columnDdl.join(",\n"),
    `) ENGINE = OLAP`,
    `DUPLICATE KEY(${keyColumns.join(", ")})`,
    ...(partitioned ? ["PARTITION BY RANGE(`metric_time`) ()"] : []),
    "DISTRIBUTED BY HASH(`metric_time`) BUCKETS 8;",
  ].join("\n");

  const selectList = columns.map((c) => (c.role === "METRIC" ? `SUM(src.\`${c.columnName}\`) AS \`${c.columnName}\`` : `src.\`${c.columnName}\``)).join(", ");
  const where = partitioned ? " WHERE src.`metric_time` >= '{{start_time}}' AND src.`metric_time` < '{{end_time}}'" : "";
  const insert =
    `INSERT OVERWRITE ${table}${partitioned ? " PARTITION (p{{partition}})" : ""}\n` +
    `SELECT ${selectList}\nFROM \`dw\`.\`${plan.entity}_fact\` AS src${where}\nGROUP BY ${keyColumns.map((k) => `src.${k}`).join(", ")};`;

  return {
    referenceSchedule: {
      cron: plan.cron,
      granularity: plan.metricTimeGranularity,
      updateUpperInterval: plan.updateUpperInterval,
      updateLowerInterval: plan.updateLowerInterval,
      isFullRefresh: plan.isFullRefresh,
    },
    sqlScripts: {
      [tableName]: {
        ddl: {
          create_table: [sql(createTable)],
          add_partition: partitioned
            ? [sql(`ALTER TABLE ${table} ADD PARTITION IF NOT EXISTS p{{partition}} VALUES [('{{start_time}}'), ('{{end_time}}'));`)]
            : [],
          drop_table: [sql(`DROP TABLE IF EXISTS ${table};`)],
        },
        dml: { insert_overwrite: [sql(insert)] },
      },
    },
  };
}
