import type { DemoTenant } from "@/lib/demo-tenants";
import { failEnvelope, okEnvelope } from "./envelope";
import type { FaultBook } from "./faults";
import type { RequestCounters } from "./request-counters";
import type { RuntimeConfig } from "./runtime-config";
import type { Sleeper } from "./sleeper";
import type { StateStore } from "./state-store";
import type { TokenBook } from "./tokens";
import { findPlan, type PlanRecord, type SandboxState } from "./state-types";

/** Everything a request handler may touch; one per running sandbox. */
export type SandboxContext = {
  store: StateStore;
  tenants: readonly DemoTenant[];
  /** Mutable: /__sandbox/config merges into it. */
  config: RuntimeConfig;
  startupConfig: Readonly<RuntimeConfig>;
  seedEnd: string;
  faults: FaultBook;
  counters: RequestCounters;
  /** Tokens issued by token/create; kept across /__sandbox/reset like a CAN's sessions across data changes. */
  tokens: TokenBook;
  sleeper: Sleeper;
  log: (line: string) => void;
};

/** An authenticated CAN call: the tenant comes from verified headers, never from the body. */
export type CanRequest = { tenantId: string; query: URLSearchParams; body: unknown };
export type CanReply = { status?: number; body: unknown };
export type CanHandler = (ctx: SandboxContext, req: CanRequest) => CanReply | Promise<CanReply>;

export function refuse(code: string, errorMsg: string, detailErrorMsg: string | null = null): CanReply {
  return { body: failEnvelope(code, errorMsg, detailErrorMsg) };
}

/** GET bodies are wrapped or bare depending on config: the docs show them bare, mutations wrapped. */
export function readReply(ctx: SandboxContext, data: unknown): CanReply {
  return { body: ctx.config.readEnvelope === "bare" ? data : okEnvelope(data) };
}

/** Unknown uuid and another tenant's uuid get the same answer, so tenants cannot probe each other. */
export function lookupPlan(state: SandboxState, tenantId: string, uuid: unknown): { ok: true; plan: PlanRecord } | { ok: false; reply: CanReply } {
  if (typeof uuid !== "string" || uuid.trim() === "") return { ok: false, reply: refuse("400", "uuid is required") };
  const plan = findPlan(state, tenantId, uuid);
  if (!plan) return { ok: false, reply: refuse("404", `materialization plan "${uuid}" does not exist`) };
  return { ok: true, plan };
}

/** Positive integer from a query string or JSON value; null when absent or malformed. */
export function positiveInt(value: unknown): number | null {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 1 ? n : null;
}
