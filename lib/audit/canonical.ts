import { createHash } from "node:crypto";

/**
 * A deterministic JSON text: object keys sorted at every depth, undefined members dropped, no
 * whitespace. jsonb does not keep key order, so the hash is taken over this form, which a row
 * read back from either driver reproduces exactly.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortDeep(v)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortDeep(v);
  }
  return out;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first row of every chain points at this. */
export const GENESIS_HASH = "0".repeat(64);
