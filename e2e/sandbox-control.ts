import { E2E_SANDBOX_PORT } from "../playwright.config";

const base = `http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox`;

export type Fault = {
  kind: "latency" | "hang" | "http" | "reset" | "malformed" | "rejected" | "null-data";
  endpoint?: string;
  tenant?: string;
  page?: number;
  ms?: number;
  status?: number;
  message?: string;
  times?: number;
};

async function call(path: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { ...init, headers: { "content-type": "application/json" } });
  if (!res.ok) throw new Error(`sandbox control ${path}: HTTP ${res.status}`);
  return res.json();
}

/** The sandbox's loopback control endpoint: reset, faults, config and state read-back. */
export const sandbox = {
  reset: () => call("/reset", { method: "POST" }),
  setFaults: (faults: Fault[]) => call("/faults", { method: "POST", body: JSON.stringify(faults) }),
  clearFaults: () => call("/faults", { method: "DELETE" }),
  /** The armed faults with how many requests each has answered (`fired`). */
  faults: async () => (await call("/faults")) as (Fault & { fired: number })[],
  configure: (config: { shape?: "documented" | "detailed"; maxPageSize?: number; latencyMs?: number; readEnvelope?: "envelope" | "bare" }) =>
    call("/config", { method: "POST", body: JSON.stringify(config) }),
  plans: async (tenant: string) => (await call(`/state?tenant=${encodeURIComponent(tenant)}`)) as { plans: SandboxPlanSummary[] } | SandboxPlanSummary[],
  state: async (tenant: string, uuid: string) => (await call(`/state?tenant=${encodeURIComponent(tenant)}&uuid=${encodeURIComponent(uuid)}`)) as SandboxPlanState,
  requests: () => call("/requests"),
};

export type SandboxPlanSummary = { uuid: string; name: string; [k: string]: unknown };
export type SandboxPlanState = {
  plan: { id: string; name: string; materializeType: string; metricTimeGranularity: string; isFullRefresh: boolean; hasData: boolean };
  partitions: Record<string, { status: "success" | "failed"; updateTime?: string }>;
};

export async function planByName(tenant: string, name: string): Promise<SandboxPlanSummary> {
  const listed = await sandbox.plans(tenant);
  const plans = Array.isArray(listed) ? listed : listed.plans;
  const plan = plans.find((p) => p.name === name);
  if (!plan) throw new Error(`sandbox has no plan ${name} in ${tenant}`);
  return plan;
}
