import "server-only";
import { z } from "zod";

// The only reader of process.env. Parsed once, lazily, so `next build` does not need runtime config.
const intFromEnv = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  CAN_TENANTS_FILE: z.string().min(1).optional(),
  CAN_TIMEOUT_MS: intFromEnv(10_000, 100, 300_000),
  CAN_PAGE_SIZE: intFromEnv(100, 1, 10_000),
  CAN_PAGE_CONCURRENCY: intFromEnv(4, 1, 32),
  SANDBOX_URL: z.url().default("http://127.0.0.1:8787"),
  DATA_DIR: z.string().min(1).default(".data"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** A tenant credential named by the tenants file (`authValueEnv`). */
export function readSecretEnv(name: string): string | undefined {
  return process.env[name];
}
