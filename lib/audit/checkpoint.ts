import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { hexEqual, type AuditKey } from "./mac";

/**
 * A signed statement "tenant T's chain had row `seq` with hash H at time `at`", one JSON object per
 * line, meant to be kept outside the database (a ticket, a log shipper, a WORM bucket).
 * `verify --against FILE` then proves the log still extends every checkpoint in the file.
 */
export const checkpointSchema = z
  .object({
    v: z.literal(1),
    tenantId: z.string().min(1).max(200),
    seq: z.number().int().positive(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.iso.datetime(),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    sig: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Checkpoint = z.infer<typeof checkpointSchema>;

function signature(k: AuditKey, c: Pick<Checkpoint, "tenantId" | "seq" | "hash" | "at">): string {
  return createHmac("sha256", k.key)
    .update(JSON.stringify(["audit-checkpoint-v1", c.tenantId, c.seq, c.hash, c.at]))
    .digest("hex");
}

export function signCheckpoint(k: AuditKey, c: Pick<Checkpoint, "tenantId" | "seq" | "hash" | "at">): Checkpoint {
  return { v: 1, tenantId: c.tenantId, seq: c.seq, hash: c.hash, at: c.at, keyId: k.id, sig: signature(k, c) };
}

export type CheckpointFile = { ok: true; checkpoints: Checkpoint[] } | { ok: false; line: number; why: string };

/** The whole file is refused at its first line that is not a checkpoint signed with this key. */
export function readCheckpoints(k: AuditKey, text: string): CheckpointFile {
  const checkpoints: Checkpoint[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { ok: false, line: i + 1, why: "not JSON" };
    }
    const parsed = checkpointSchema.safeParse(json);
    if (!parsed.success) return { ok: false, line: i + 1, why: "not a checkpoint (a field is missing, extra or malformed)" };
    const c = parsed.data;
    if (c.keyId !== k.id) return { ok: false, line: i + 1, why: `signed with another audit key (${c.keyId}; this one is ${k.id})` };
    if (!hexEqual(c.sig, signature(k, c))) return { ok: false, line: i + 1, why: "its signature does not match: the checkpoint was edited" };
    checkpoints.push(c);
  }
  return { ok: true, checkpoints };
}
