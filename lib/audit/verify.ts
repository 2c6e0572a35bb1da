import "server-only";
import { and, asc, count as countOf, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { auditChainHead, auditLog } from "@/lib/db/schema";
import { GENESIS_HASH } from "./canonical";
import { hashRow } from "./chain";
import type { Checkpoint } from "./checkpoint";
import { resolveAuditKey, rowMacMatches, type AuditKey } from "./mac";
import { newestStoredCheckpoint } from "./stored-checkpoints";
import type { AuditRow } from "./types";

/** `unsealed`: the only problem is that the newest row predates audit MACs (sealLegacyChains fixes it). */
export type ChainProblem = { id: string | null; seq: number; at: string | null; what: string; unsealed?: true };
/** `since`: the seq of the stored checkpoint the walk started after (rows before it were not read). */
export type ChainReport = {
  tenantId: string;
  rows: number;
  ok: boolean;
  headSeq: number | null;
  headHash: string | null;
  problem?: ChainProblem;
  since?: number;
};

/** Tenants that have a chain head or any row (a chain whose head was deleted is still checked). */
export async function listChains(db: Db): Promise<string[]> {
  const heads = await db.selectDistinct({ t: auditChainHead.tenantId }).from(auditChainHead);
  const rows = await db.selectDistinct({ t: auditLog.tenantId }).from(auditLog);
  return [...new Set([...heads, ...rows].map((r) => r.t))].sort();
}

/**
 * `sinceCheckpoint`: start after the tenant's newest stored checkpoint (lib/audit/stored-checkpoints.ts)
 * instead of at row 1. The rows after it are checked in full; of the rows before it, only that the
 * checkpointed row still has its signed hash (so the history it extends was not rewritten) and that
 * none is missing (their count). An edit of an earlier row's content that leaves its hash column
 * alone is found by a full verify only.
 */
export type VerifyOptions = { key?: AuditKey; checkpoints?: Checkpoint[]; pageSize?: number; sinceCheckpoint?: boolean };

/**
 * Walks one chain in seq order, in pages, and stops at the first row that does not hold: a gap
 * in seq (a row deleted), a row whose content no longer gives its hash (a row edited), a row whose
 * prev_hash is not its predecessor's hash (a row replaced or rewritten), a row whose MAC does not
 * match (the chain rewritten consistently by someone without the audit key), a MAC missing after
 * MACs began or on the newest row (MACs stripped), a head that does not match the last row (the
 * newest rows deleted), and, given checkpoints kept elsewhere, a row that no longer has the hash a
 * checkpoint recorded or a chain that ends before one (rolled back). Triggers do not matter here:
 * this catches what the database owner did behind them.
 */
export async function verifyChain(db: Db, tenantId: string, options: VerifyOptions = {}): Promise<ChainReport> {
  const key = options.key ?? (await resolveAuditKey(db));
  const pageSize = options.pageSize ?? 1000;
  const checkpoints = (options.checkpoints ?? []).filter((c) => c.tenantId === tenantId);
  const checkpointAt = new Map(checkpoints.map((c) => [c.seq, c]));
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.tenantId, tenantId));
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let count = 0;
  let macSeen = false;
  let last: AuditRow | undefined;
  let since: number | undefined;
  const fail = (problem: ChainProblem): ChainReport => ({
    tenantId,
    rows: count,
    ok: false,
    headSeq: head?.seq ?? null,
    headHash: head?.hash ?? null,
    problem,
    ...(since === undefined ? {} : { since }),
  });
  if (options.sinceCheckpoint) {
    const stored = await newestStoredCheckpoint(db, key, tenantId);
    if (stored && !stored.ok)
      return fail({ id: null, seq: stored.seq, at: null, what: `the stored checkpoint at seq ${stored.seq} is refused: ${stored.why}` });
    if (stored) {
      const c = stored.checkpoint;
      since = c.seq;
      const start = await checkpointedRow(db, tenantId, key, c);
      if (typeof start === "string") return fail({ id: null, seq: c.seq, at: null, what: start });
      prevHash = start.hash;
      prevSeq = start.seq;
      macSeen = start.mac !== null;
      last = start;
    }
  }
  for (;;) {
    const page = (await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, prevSeq)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize)) as AuditRow[];
    for (const row of page) {
      count++;
      const where = { id: row.id, seq: row.seq, at: row.at.toISOString() };
      if (row.seq !== prevSeq + 1) {
        const missing = row.seq - 1 === prevSeq + 1 ? `row seq ${prevSeq + 1} is` : `rows seq ${prevSeq + 1}..${row.seq - 1} are`;
        return fail({ ...where, what: `${missing} missing before this row (deleted)` });
      }
      if (hashRow(row) !== row.hash) return fail({ ...where, what: "its content does not match its hash (the row was changed)" });
      if (row.prevHash !== prevHash) {
        return fail({
          ...where,
          what:
            row.seq === 1
              ? "prev_hash of the first row is not the genesis hash"
              : `prev_hash does not match the hash of row seq ${prevSeq} (that row was changed or replaced)`,
        });
      }
      if (row.mac !== null) {
        if (!rowMacMatches(key, { ...row, mac: row.mac })) {
          return fail({ ...where, what: "its MAC does not match (the chain was rewritten by someone without the audit key, or the audit key changed)" });
        }
        macSeen = true;
      } else if (macSeen) {
        return fail({ ...where, what: "it carries no MAC though an earlier row does (its MAC was removed)" });
      }
      const checkpoint = checkpointAt.get(row.seq);
      if (checkpoint && checkpoint.hash !== row.hash) {
        return fail({ ...where, what: `its hash is not the one checkpointed at ${checkpoint.at}: the log was rewritten after that checkpoint` });
      }
      prevHash = row.hash;
      prevSeq = row.seq;
      last = row;
    }
    if (page.length < pageSize) break;
  }
  const beyond = checkpoints.find((c) => c.seq > prevSeq);
  if (beyond) {
    return fail({
      id: null,
      seq: beyond.seq,
      at: null,
      what: `the checkpoint of ${beyond.at} records seq ${beyond.seq} but the chain ends at seq ${prevSeq}: rows were deleted (rolled back)`,
    });
  }
  if (!head) {
    if (count === 0) return { tenantId, rows: 0, ok: true, headSeq: null, headHash: null };
    return fail({ id: last?.id ?? null, seq: prevSeq, at: last?.at.toISOString() ?? null, what: "the chain head is missing" });
  }
  if (head.seq !== prevSeq || head.hash !== prevHash) {
    const what =
      head.seq > prevSeq
        ? `the chain head records seq ${head.seq} but the last row is seq ${prevSeq}: rows ${prevSeq + 1}..${head.seq} were deleted`
        : `the chain head (seq ${head.seq}) does not match the last row (seq ${prevSeq})`;
    return fail({ id: head.seq > prevSeq ? null : (last?.id ?? null), seq: head.seq > prevSeq ? prevSeq + 1 : prevSeq, at: null, what });
  }
  if (last && last.mac === null) {
    return fail({
      id: last.id,
      seq: last.seq,
      at: last.at.toISOString(),
      what: "the newest row carries no MAC, so nothing vouches for the chain (rows from before audit MACs: `npm run db:migrate` or `npm run audit -- checkpoint` seals it)",
      unsealed: true,
    });
  }
  return { tenantId, rows: count, ok: true, headSeq: head.seq, headHash: head.hash, ...(since === undefined ? {} : { since }) };
}

/**
 * The row a stored checkpoint names, when it still holds what was signed: its hash is the signed
 * one and matches its content and MAC, and no row before it is missing. Else what is wrong.
 */
async function checkpointedRow(db: Db, tenantId: string, key: AuditKey, c: Checkpoint): Promise<AuditRow | string> {
  const [row] = (await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.seq, c.seq)))) as AuditRow[];
  if (!row) return `row seq ${c.seq}, checkpointed at ${c.at}, is missing (deleted)`;
  if (row.hash !== c.hash || hashRow(row) !== row.hash)
    return `row seq ${c.seq} no longer has the hash checkpointed at ${c.at}: the log up to it was rewritten`;
  if (row.mac !== null && !rowMacMatches(key, { ...row, mac: row.mac })) return `row seq ${c.seq}: its MAC does not match`;
  // The seq index alone answers this count (an index-only scan where the visibility map allows).
  const [before] = await db
    .select({ n: countOf() })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), lte(auditLog.seq, c.seq)));
  if (Number(before?.n ?? 0) !== c.seq) return `${c.seq - Number(before?.n ?? 0)} row(s) before the checkpoint at seq ${c.seq} are missing (deleted)`;
  return row;
}

/** Every chain (or one), plus any chain a checkpoint names that the database no longer has. */
export async function verifyAll(db: Db, tenantId?: string, options: VerifyOptions = {}): Promise<ChainReport[]> {
  const key = options.key ?? (await resolveAuditKey(db));
  const named = (options.checkpoints ?? []).map((c) => c.tenantId).filter((t) => !tenantId || t === tenantId);
  const chains = [...new Set([...(tenantId ? [tenantId] : await listChains(db)), ...named])].sort();
  const reports: ChainReport[] = [];
  for (const t of chains) reports.push(await verifyChain(db, t, { ...options, key }));
  return reports;
}

export function describeReport(r: ChainReport): string {
  const scope = r.since === undefined ? "" : ` after the stored checkpoint at seq ${r.since}`;
  if (r.ok) return `${r.tenantId}: OK, ${r.rows} rows${scope}${r.headHash ? `, head seq ${r.headSeq} hash ${r.headHash}` : ""}`;
  const p = r.problem;
  return `${r.tenantId}: BROKEN at row ${p?.id ? `id=${p.id} ` : ""}seq=${p?.seq}${p?.at ? ` time=${p.at}` : ""}: ${p?.what} (${r.rows} rows read${scope})`;
}
