// The audit scenario's database: one tenant with `rows` generated audit rows on PGlite, in
// .data/bench-audit/<rows>, kept between runs (5 million rows take a while to write on 2 cores).
// A signed checkpoint is stored CHECKPOINT_GAP rows before the head, as `npm run audit --
// checkpoint` would have left it, so the scenario can time `verify --since-checkpoint`.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { eq, max } from "drizzle-orm";
import { signCheckpoint } from "@/lib/audit/checkpoint";
import { generateAuditRows } from "@/lib/audit/generate";
import { resolveAuditKey } from "@/lib/audit/mac";
import { storeCheckpoint } from "@/lib/audit/stored-checkpoints";
import { openPglite, type DbHandle } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

export const AUDIT_TENANT = "bench-audit";
/** The generator's output changes with this: a database made by another version is made again. */
const GENERATOR_VERSION = 1;
export const checkpointGap = (rows: number) => Math.min(100_000, Math.floor(rows / 2));

export function auditDataDir(root: string, rows: number): string {
  return join(root, ".data", "bench-audit", `${rows}-v${GENERATOR_VERSION}`);
}

/** Opens the scenario's database, writing it first when it is missing or incomplete. */
export async function openAuditData(root: string, rows: number, log: (line: string) => void): Promise<DbHandle> {
  const dir = auditDataDir(root, rows);
  if (existsSync(dir)) {
    const handle = await openPglite(join(dir, "db"), 0);
    const [head] = await handle.db
      .select({ seq: max(auditLog.seq) })
      .from(auditLog)
      .where(eq(auditLog.tenantId, AUDIT_TENANT));
    if (Number(head?.seq ?? 0) === rows) return handle;
    await handle.close();
    log(`audit data in ${dir} is incomplete: writing it again`);
    rmSync(dir, { recursive: true, force: true });
  }
  const handle = await openPglite(join(dir, "db"), 0);
  const started = performance.now();
  const gap = checkpointGap(rows);
  let reported = 0;
  const progress = (offset: number) => (written: number) => {
    const total = offset + written;
    if (total - reported >= 250_000) {
      reported = total;
      log(`audit data: ${total} of ${rows} rows, ${Math.round(total / ((performance.now() - started) / 1000))} rows/s`);
    }
  };
  // Years of rows up to yesterday, then the last day's after the checkpoint: times rise with seq.
  const yesterday = new Date(Date.now() - 86_400_000);
  const before = await generateAuditRows(handle.db, AUDIT_TENANT, { rows: rows - gap, endAt: yesterday, onProgress: progress(0) });
  const key = await resolveAuditKey(handle.db);
  await storeCheckpoint(handle.db, signCheckpoint(key, { tenantId: AUDIT_TENANT, seq: before.seq, hash: before.hash, at: new Date().toISOString() }));
  await generateAuditRows(handle.db, AUDIT_TENANT, { rows: gap, days: 1, seed: 2, onProgress: progress(rows - gap) });
  log(`audit data: ${rows} rows written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return handle;
}
