import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { inFlightMarks, isDraining } from "@/lib/server/lifecycle";
import { processGlobal } from "@/lib/process-global";

// One registry per process. Next bundles route handlers, actions, proxy and instrumentation as
// separate module graphs, so module-level metrics would be created once per graph and each would
// count part of the traffic: the registry and its metrics live on globalThis instead.
// Labels carry identifiers only (tenant id, endpoint, kind, outcome): never a credential or a user name.

type Metrics = {
  registry: Registry;
  processMetrics: boolean;
  canCalls: Counter<"tenant" | "endpoint" | "outcome">;
  canCallSeconds: Histogram<"tenant" | "endpoint">;
  marks: Counter<"kind" | "outcome" | "via">;
  auditWriteSeconds: Histogram<"outcome">;
  signIns: Counter<"outcome">;
};

function create(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  new Gauge({
    name: "console_marks_in_flight",
    help: "Marks this instance is carrying right now (sent to CAN or waiting for their audit rows)",
    registers,
    collect() {
      this.set(inFlightMarks().length);
    },
  });
  new Gauge({
    name: "console_instance_ready",
    help: "1 while this instance serves, 0 once it drains for a stop",
    registers,
    collect() {
      this.set(isDraining() ? 0 : 1);
    },
  });
  return {
    registry,
    processMetrics: false,
    canCalls: new Counter({
      name: "console_can_calls_total",
      help: "Calls to CAN by tenant, endpoint and outcome (ok, or the failure kind: rejected, http, network, timeout, malformed…)",
      labelNames: ["tenant", "endpoint", "outcome"],
      registers,
    }),
    canCallSeconds: new Histogram({
      name: "console_can_call_duration_seconds",
      help: "Time from sending a call to CAN to its parsed answer or failure, retries included",
      labelNames: ["tenant", "endpoint"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    marks: new Counter({
      name: "console_marks_total",
      help: "Marks by kind (success, failed, clear, refresh), outcome (ok, rejected, unknown, refused) and path (page, api)",
      labelNames: ["kind", "outcome", "via"],
      registers,
    }),
    auditWriteSeconds: new Histogram({
      name: "console_audit_write_duration_seconds",
      help: "Time from asking for an audit row to its being stored (queueing behind the tenant's other appends included)",
      labelNames: ["outcome"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    signIns: new Counter({
      name: "console_sign_ins_total",
      help: "Sign-in steps by outcome: signed-in, totp-required, or the refusal (credentials, rate-limited, totp-invalid…; oidc-<reason> for a refused company sign-in)",
      labelNames: ["outcome"],
      registers,
    }),
  };
}

export function metrics(): Metrics {
  return processGlobal("metrics", create);
}

/**
 * The text a Prometheus scraper reads. Process metrics (CPU, memory, event loop) start with the
 * first scrape, so a CLI that only writes audit rows starts no monitor of its own.
 */
export async function scrape(): Promise<{ contentType: string; text: string }> {
  const m = metrics();
  if (!m.processMetrics) {
    collectDefaultMetrics({ register: m.registry });
    m.processMetrics = true;
  }
  return { contentType: m.registry.contentType, text: await m.registry.metrics() };
}

/** Seconds since `startedAt` (performance.now()), for the histograms. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1_000;
}
