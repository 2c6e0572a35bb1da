import { z } from "zod";
import { CAN_DEFAULT_TOKEN_TTL_SECONDS } from "./tokens";

/** Knobs a test can turn at runtime through /__sandbox/config; not persisted, restored by reset. */
export type RuntimeConfig = {
  /** documented: list items are `{ value }`, successes only. detailed: adds status/updateTime, lists failures. */
  shape: "documented" | "detailed";
  maxPageSize: number;
  latencyMs: number;
  /** Whether GET list/detail bodies are wrapped in the envelope or bare as in the docs' examples. */
  readEnvelope: "envelope" | "bare";
  /** Life of a token token/create issues without `expire` (CAN: 6 hours); tests set a few seconds. */
  tokenTtlSeconds: number;
  /** The partition list's order: newest first as in the docs' example, or the other reading. */
  listOrder: "newest-first" | "oldest-first";
};

export const DEFAULT_RUNTIME_CONFIG: Readonly<RuntimeConfig> = {
  shape: "documented",
  maxPageSize: 100,
  latencyMs: 0,
  readEnvelope: "envelope",
  tokenTtlSeconds: CAN_DEFAULT_TOKEN_TTL_SECONDS,
  listOrder: "newest-first",
};

export const runtimeConfigPatchSchema = z.strictObject({
  shape: z.enum(["documented", "detailed"]).optional(),
  maxPageSize: z.int().min(1).max(100_000).optional(),
  latencyMs: z.int().min(0).max(600_000).optional(),
  readEnvelope: z.enum(["envelope", "bare"]).optional(),
  tokenTtlSeconds: z
    .int()
    .min(1)
    .max(30 * 24 * 60 * 60)
    .optional(),
  listOrder: z.enum(["newest-first", "oldest-first"]).optional(),
});
export type RuntimeConfigPatch = z.infer<typeof runtimeConfigPatchSchema>;

export function mergeConfig(base: Readonly<RuntimeConfig>, patch: RuntimeConfigPatch): RuntimeConfig {
  return {
    shape: patch.shape ?? base.shape,
    maxPageSize: patch.maxPageSize ?? base.maxPageSize,
    latencyMs: patch.latencyMs ?? base.latencyMs,
    readEnvelope: patch.readEnvelope ?? base.readEnvelope,
    tokenTtlSeconds: patch.tokenTtlSeconds ?? base.tokenTtlSeconds,
    listOrder: patch.listOrder ?? base.listOrder,
  };
}
