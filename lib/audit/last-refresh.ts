import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { preparedPerDb } from "@/lib/db/prepared";
import { auditLog } from "@/lib/db/schema";
import { MARK_KINDS } from "@/lib/marks/kinds";

// A full-refresh plan has no partitions to show: what the plans page can say is whether this console
// marked its refresh, and when (the newest outcome row of a refresh mark that CAN accepted).

function buildLastRefreshQuery(db: Db) {
  return db
    .select({ at: auditLog.at, actor: auditLog.actorUsername })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, sql.placeholder("tenantId")),
        eq(auditLog.planUuid, sql.placeholder("planUuid")),
        eq(auditLog.action, MARK_KINDS.refresh.action),
        eq(auditLog.phase, "outcome"),
        eq(auditLog.outcome, "ok"),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .prepare("last_refresh_for_plan");
}

const lastRefreshQuery = preparedPerDb(buildLastRefreshQuery);

export type LastRefresh = { at: string; actor: string };

export async function lastRefreshMark(tenantId: string, planUuid: string): Promise<LastRefresh | null> {
  const [row] = await lastRefreshQuery(await getDb()).execute({ tenantId, planUuid });
  return row ? { at: row.at.toISOString(), actor: row.actor } : null;
}
