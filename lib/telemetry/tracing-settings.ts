import "server-only";
import type { Env } from "@/lib/env";
import type { TracingSettings } from "./tracing";

export const DEFAULT_SERVICE_NAME = "can-partition-console";

/** Where spans go, from the standard OTLP variables; undefined = tracing stays off. */
type OtelEnv = Pick<Env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" | "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_SERVICE_NAME" | "OTEL_BSP_SCHEDULE_DELAY">;

export function tracingSettings(env: OtelEnv): TracingSettings | undefined {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, "")}/v1/traces` : undefined);
  if (!tracesUrl) return undefined;
  return { tracesUrl, serviceName: env.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME, batchDelayMs: env.OTEL_BSP_SCHEDULE_DELAY };
}
