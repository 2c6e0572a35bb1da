import { z } from "zod";
import { DEFAULT_RUNTIME_CONFIG } from "./runtime-config";
import type { StartSandboxOptions } from "./server";
import { CAN_DEFAULT_TOKEN_TTL_SECONDS } from "./tokens";
import { describeZodError } from "./zod-message";

export const CLI_USAGE = `Usage: tsx sandbox/main.ts [options]
  --host HOST              SANDBOX_HOST            default 127.0.0.1
  --port N                 SANDBOX_PORT            default 8787 (0 = any free port)
  --data-dir DIR           DATA_DIR                default .data (state in DIR/sandbox/state.json)
  --reset                                          reseed even if a state file exists
  --shape documented|detailed  SANDBOX_SHAPE        default documented
  --max-page-size N        SANDBOX_MAX_PAGE_SIZE   default 100
  --latency-ms N           SANDBOX_LATENCY_MS      default 0
  --seed-end YYYY-MM-DD    SANDBOX_SEED_END        default yesterday
  --read-envelope envelope|bare  SANDBOX_READ_ENVELOPE  default envelope
  --token-ttl-seconds N    SANDBOX_TOKEN_TTL_SECONDS  default 21600 (life of a token asked for without expire)`;

const FLAG_TO_FIELD: Record<string, string> = {
  "--host": "host",
  "--port": "port",
  "--data-dir": "dataDir",
  "--shape": "shape",
  "--max-page-size": "maxPageSize",
  "--latency-ms": "latencyMs",
  "--seed-end": "seedEnd",
  "--read-envelope": "readEnvelope",
  "--token-ttl-seconds": "tokenTtlSeconds",
};
const ENV_TO_FIELD: Record<string, string> = {
  SANDBOX_HOST: "host",
  SANDBOX_PORT: "port",
  DATA_DIR: "dataDir",
  SANDBOX_SHAPE: "shape",
  SANDBOX_MAX_PAGE_SIZE: "maxPageSize",
  SANDBOX_LATENCY_MS: "latencyMs",
  SANDBOX_SEED_END: "seedEnd",
  SANDBOX_READ_ENVELOPE: "readEnvelope",
  SANDBOX_TOKEN_TTL_SECONDS: "tokenTtlSeconds",
};

const cliSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  dataDir: z.string().min(1).default(".data"),
  reset: z.boolean().default(false),
  shape: z.enum(["documented", "detailed"]).default("documented"),
  maxPageSize: z.coerce.number().int().min(1).default(100),
  latencyMs: z.coerce.number().int().min(0).default(0),
  seedEnd: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
    .optional(),
  readEnvelope: z.enum(["envelope", "bare"]).default("envelope"),
  tokenTtlSeconds: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60 * 60)
    .default(CAN_DEFAULT_TOKEN_TTL_SECONDS),
});

export type CliResult = { ok: true; options: StartSandboxOptions } | { ok: false; error: string } | { ok: "help" };

/** Flags win over environment variables; empty environment variables count as unset. */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliResult {
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(ENV_TO_FIELD)) {
    const value = env[name];
    if (value !== undefined && value !== "") raw[field] = value;
  }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") return { ok: "help" };
    if (arg === "--reset") {
      raw.reset = true;
      continue;
    }
    const [flag = "", inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg];
    const field = FLAG_TO_FIELD[flag];
    if (!field) return { ok: false, error: `unknown option "${arg}"\n${CLI_USAGE}` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, error: `option ${flag} needs a value` };
    raw[field] = value;
  }
  const parsed = cliSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `invalid option: ${describeZodError(parsed.error)}` };
  const o = parsed.data;
  return {
    ok: true,
    options: {
      host: o.host,
      port: o.port,
      dataDir: o.dataDir,
      reset: o.reset,
      seedEnd: o.seedEnd,
      config: {
        shape: o.shape,
        maxPageSize: o.maxPageSize,
        latencyMs: o.latencyMs,
        readEnvelope: o.readEnvelope,
        tokenTtlSeconds: o.tokenTtlSeconds,
        // Not a command-line option: tests switch it through the control API.
        listOrder: DEFAULT_RUNTIME_CONFIG.listOrder,
      },
    },
  };
}
