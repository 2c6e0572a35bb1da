import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { metrics, secondsSince } from "@/lib/telemetry/metrics";
import { appendChained, readHead, type ChainHead } from "./append-statement";
import { canonicalJson, GENESIS_HASH, sha256Hex } from "./canonical";
import { resolveAuditKey, rowMac, type AuditKey } from "./mac";
import type { AuditRow } from "./types";

/** What a caller supplies; the chain fills in id, seq, time and hashes. */
export type AuditContent = Omit<AuditRow, "id" | "tenantId" | "seq" | "at" | "prevHash" | "hash" | "mac">;

const HASH_VERSION = 1;

/** sha256 over the canonical form of every column but `hash` and `mac` (prev_hash included). */
export function hashRow(row: Omit<AuditRow, "hash" | "mac">): string {
  return sha256Hex(
    canonicalJson({
      v: HASH_VERSION,
      id: row.id,
      tenantId: row.tenantId,
      seq: row.seq,
      at: row.at.toISOString(),
      actorUserId: row.actorUserId,
      actorUsername: row.actorUsername,
      actorRole: row.actorRole,
      action: row.action,
      phase: row.phase,
      intentId: row.intentId,
      planUuid: row.planUuid,
      planName: row.planName,
      granularity: row.granularity,
      ranges: row.ranges,
      partitionCount: row.partitionCount,
      statusesBefore: row.statusesBefore,
      canEndpoint: row.canEndpoint,
      canRequest: row.canRequest,
      outcome: row.outcome,
      outcomeDetail: row.outcomeDetail,
      details: row.details,
      requestId: row.requestId,
      ip: row.ip,
      userAgent: row.userAgent,
      prevHash: row.prevHash,
    }),
  );
}

type Waiting = { content: AuditContent; resolve: (row: AuditRow) => void; reject: (error: unknown) => void };

/** One tenant's chain as this process appends to it: a queue, and the head it last saw. */
type ChainWriter = { queue: Waiting[]; head: ChainHead | null; running: boolean };

const MAX_BATCH = 200;
const MAX_CONFLICTS = 50;
const writers = new WeakMap<Db, Map<string, ChainWriter>>();

function writerFor(db: Db, tenantId: string): ChainWriter {
  let byTenant = writers.get(db);
  if (!byTenant) writers.set(db, (byTenant = new Map()));
  let writer = byTenant.get(tenantId);
  if (!writer) byTenant.set(tenantId, (writer = { queue: [], head: null, running: false }));
  return writer;
}

/**
 * Appends one row to a tenant's chain and resolves once it is stored. Appends of one tenant queue
 * in this process; whatever queued while a write was under way goes in with the next write, in one
 * statement that moves the chain head only if it is still where this process last saw it (another
 * instance may have appended: then the head is read again and the rows re-chained onto it). So the
 * database keeps the chain whole across instances, and one busy tenant's appends cost one round
 * trip per batch. Throws when the write fails, and when there is no audit key to MAC the row with
 * (no row is written then).
 */
export async function appendAuditRow(db: Db, tenantId: string, content: AuditContent): Promise<AuditRow> {
  const startedAt = performance.now();
  let outcome: "ok" | "failed" = "failed";
  try {
    const row = await enqueue(db, tenantId, content);
    outcome = "ok";
    return row;
  } finally {
    metrics().auditWriteSeconds.observe({ outcome }, secondsSince(startedAt));
  }
}

function enqueue(db: Db, tenantId: string, content: AuditContent): Promise<AuditRow> {
  const writer = writerFor(db, tenantId);
  return new Promise<AuditRow>((resolve, reject) => {
    writer.queue.push({ content, resolve, reject });
    if (!writer.running) {
      writer.running = true;
      void drain(db, tenantId, writer);
    }
  });
}

async function drain(db: Db, tenantId: string, writer: ChainWriter): Promise<void> {
  try {
    while (writer.queue.length > 0) {
      const batch = writer.queue.splice(0, MAX_BATCH);
      try {
        const rows = await writeBatch(
          db,
          tenantId,
          writer,
          batch.map((w) => w.content),
        );
        batch.forEach((w, i) => w.resolve(rows[i]!));
      } catch (error) {
        writer.head = null;
        if (batch.length === 1) batch[0]!.reject(error);
        else await writeOneByOne(db, tenantId, writer, batch);
      }
    }
  } finally {
    writer.running = false;
  }
}

/** After a failed batch: each row alone, so one refused row (a second outcome) fails only itself. */
async function writeOneByOne(db: Db, tenantId: string, writer: ChainWriter, batch: Waiting[]): Promise<void> {
  for (const w of batch) {
    try {
      const [row] = await writeBatch(db, tenantId, writer, [w.content]);
      w.resolve(row!);
    } catch (error) {
      writer.head = null;
      w.reject(error);
    }
  }
}

async function writeBatch(db: Db, tenantId: string, writer: ChainWriter, contents: AuditContent[]): Promise<AuditRow[]> {
  const key = await resolveAuditKey(db);
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    const from = writer.head ?? (await readHead(db, tenantId, { seq: 0, hash: GENESIS_HASH }));
    const rows = chainRows(tenantId, from, contents, key);
    if (await appendChained(db, tenantId, from, rows)) {
      const last = rows.at(-1)!;
      writer.head = { seq: last.seq, hash: last.hash };
      return rows;
    }
    writer.head = null;
  }
  throw new Error(`audit chain ${tenantId}: the head kept moving under ${MAX_CONFLICTS} attempts to append`);
}

function chainRows(tenantId: string, from: ChainHead, contents: AuditContent[], key: AuditKey): AuditRow[] {
  const at = new Date();
  return chainContents(tenantId, from, contents, key, () => at);
}

/**
 * Chains contents onto `from` exactly as an append does (hash, prev_hash, MAC); `atOf` gives each
 * row's time and `idOf` its id. Exported for the bulk generator (lib/audit/generate.ts), whose
 * rows span years and whose outcomes name intent ids chosen before chaining.
 */
export function chainContents(
  tenantId: string,
  from: ChainHead,
  contents: readonly AuditContent[],
  key: AuditKey,
  atOf: (index: number) => Date,
  idOf: (index: number) => string = () => randomUUID(),
): AuditRow[] {
  let prev = from;
  return contents.map((content, index) => {
    const at = atOf(index);
    // jsonb keeps no `undefined`: normalise now so the hash covers exactly what is stored.
    const normalized = JSON.parse(JSON.stringify(content)) as AuditContent;
    const base: Omit<AuditRow, "hash" | "mac"> = { ...nullFilled(normalized), id: idOf(index), tenantId, seq: prev.seq + 1, at, prevHash: prev.hash };
    const hash = hashRow(base);
    prev = { seq: base.seq, hash };
    return { ...base, hash, mac: rowMac(key, { tenantId, seq: base.seq, hash }) };
  });
}

const NULLABLE = [
  "actorUserId",
  "actorRole",
  "intentId",
  "planUuid",
  "planName",
  "granularity",
  "ranges",
  "partitionCount",
  "statusesBefore",
  "canEndpoint",
  "canRequest",
  "outcome",
  "outcomeDetail",
  "details",
  "requestId",
  "ip",
  "userAgent",
] as const;

function nullFilled(content: AuditContent): AuditContent {
  const out = { ...content } as Record<string, unknown>;
  for (const key of NULLABLE) if (out[key] === undefined) out[key] = null;
  return out as AuditContent;
}
