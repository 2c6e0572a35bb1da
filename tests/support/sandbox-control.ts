// A client for the CAN sandbox's loopback control endpoint (`/__sandbox/…`): reset, faults, config
// and state read-back. The e2e suite, the multi-instance tests and the soak each point one at their
// own sandbox.

export type Fault = {
  kind: "latency" | "hang" | "http" | "reset" | "malformed" | "rejected" | "null-data";
  /** A plan endpoint, or "token/create" (only faults naming it act there). */
  endpoint?: string;
  tenant?: string;
  /** One plan's uuid: only calls about that plan (query `uuid` or body `uuid`). */
  plan?: string;
  page?: number;
  /** One plan only (its uuid). */
  uuid?: string;
  ms?: number;
  status?: number;
  message?: string;
  times?: number;
};

export type SandboxPlanSummary = { uuid: string; name: string; [k: string]: unknown };
export type SandboxPlanState = {
  plan: { id: string; name: string; materializeType: string; metricTimeGranularity: string; isFullRefresh: boolean; hasData: boolean };
  partitions: Record<string, { status: "success" | "failed"; updateTime?: string }>;
};

import type { RequestCounts as SandboxRequestCounts } from "@/sandbox/request-counters";

export type { SandboxRequestCounts };

export type SandboxControl = ReturnType<typeof sandboxControl>;

/** `base`: the sandbox's own URL, e.g. http://127.0.0.1:8788. */
export function sandboxControl(base: string) {
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const res = await fetch(`${base}/__sandbox${path}`, { ...init, headers: { "content-type": "application/json" } });
    if (!res.ok) throw new Error(`sandbox control ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const plans = async (tenant: string) => (await call(`/state?tenant=${encodeURIComponent(tenant)}`)) as { plans: SandboxPlanSummary[] } | SandboxPlanSummary[];
  return {
    /** The sandbox's own URL (the CAN API is under it too). */
    url: base,
    reset: () => call("/reset", { method: "POST" }),
    setFaults: (faults: Fault[]) => call("/faults", { method: "POST", body: JSON.stringify(faults) }),
    clearFaults: () => call("/faults", { method: "DELETE" }),
    /** The armed faults with how many requests each has answered (`fired`). */
    faults: async () => (await call("/faults")) as (Fault & { fired: number })[],
    configure: (config: {
      shape?: "documented" | "detailed";
      maxPageSize?: number;
      latencyMs?: number;
      readEnvelope?: "envelope" | "bare";
      tokenTtlSeconds?: number;
      listOrder?: "newest-first" | "oldest-first";
    }) => call("/config", { method: "POST", body: JSON.stringify(config) }),
    plans,
    state: async (tenant: string, uuid: string) =>
      (await call(`/state?tenant=${encodeURIComponent(tenant)}&uuid=${encodeURIComponent(uuid)}`)) as SandboxPlanState,
    requests: () => call("/requests") as Promise<SandboxRequestCounts>,
    /** Every token the sandbox's token/create issued (and still remembers). */
    issuedTokens: () => call("/tokens") as Promise<{ tenant: string; token: string; live: boolean }[]>,
    /** Ends every issued token now: the next call with one is refused as expired. */
    expireTokens: () => call("/tokens/expire", { method: "POST" }) as Promise<{ expired: number }>,
    /** The last mark bodies the sandbox received (updatePartition / clearPartition), oldest first. */
    /** The last 200 calls with the `x-request-id` each carried (null when none). */
    recentRequests: () => call("/requests/recent") as Promise<{ tenant: string; endpoint: string; requestId: string | null }[]>,
    /** `count` more plans in `tenant` (sandbox/seed.ts manyPlans): a big tenant's plan list. */
    addPlans: (tenant: string, count: number) =>
      call("/plans/many", { method: "POST", body: JSON.stringify({ tenant, count }) }) as Promise<{ tenant: string; added: number; plans: number }>,
    mutations: () => call("/mutations") as Promise<{ tenant: string; endpoint: string; body: unknown }[]>,
    planByName: async (tenant: string, name: string): Promise<SandboxPlanSummary> => {
      const listed = await plans(tenant);
      const plan = (Array.isArray(listed) ? listed : listed.plans).find((p) => p.name === name);
      if (!plan) throw new Error(`sandbox has no plan ${name} in ${tenant}`);
      return plan;
    },
  };
}
