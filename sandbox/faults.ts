import { z } from "zod";
import { CAN_ENDPOINT_NAMES } from "./can-endpoints";

export const FAULT_KINDS = ["latency", "hang", "http", "reset", "malformed", "rejected", "null-data"] as const;

export const faultSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS),
  /** Validated against the known endpoints so a typo cannot silently never fire. */
  endpoint: z.enum([...CAN_ENDPOINT_NAMES, "token/create"]).optional(),
  tenant: z.string().min(1).optional(),
  /** One plan only: the request's plan uuid (the `uuid` query parameter or the body's `uuid`), so one plan of a bulk mark can be refused. */
  plan: z.string().min(1).optional(),
  /** Nth page of a list endpoint (pager.pageNumber or the pageNumber query parameter). */
  page: z.int().min(1).optional(),
  ms: z.int().min(0).max(600_000).optional(),
  status: z.int().min(400).max(599).optional(),
  message: z.string().optional(),
  times: z.int().min(1).optional(),
  /** http faults only: a gateway-style text page (default) or a Spring-style JSON error. */
  bodyFormat: z.enum(["text", "json"]).optional(),
});
export const faultListSchema = z.array(faultSchema).max(100);
export type Fault = z.infer<typeof faultSchema>;
export type ArmedFault = Fault & { fired: number };

export type FaultTarget = { endpoint: string; tenant: string | undefined; page: number | undefined; plan?: string | undefined };
/** Delays add up; at most one terminal fault (the first that matches) decides the response. */
export type FaultOutcome = { delayMs: number; terminal: Fault | null };

export const DEFAULT_LATENCY_MS = 1_000;
export const DEFAULT_HANG_MS = 120_000;

function applies(fault: ArmedFault, target: FaultTarget, explicitOnly: boolean): boolean {
  if (fault.times !== undefined && fault.fired >= fault.times) return false;
  if (explicitOnly && fault.endpoint === undefined) return false;
  if (fault.endpoint !== undefined && fault.endpoint !== target.endpoint) return false;
  if (fault.tenant !== undefined && fault.tenant !== target.tenant) return false;
  if (fault.page !== undefined && fault.page !== target.page) return false;
  if (fault.plan !== undefined && fault.plan !== target.plan) return false;
  return true;
}

export class FaultBook {
  #faults: ArmedFault[] = [];

  replace(faults: readonly Fault[]): void {
    this.#faults = faults.map((f) => ({ ...f, fired: 0 }));
  }

  clear(): void {
    this.#faults = [];
  }

  list(): ArmedFault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  /** Decides what happens to one request and counts a firing for every fault it uses. */
  take(target: FaultTarget, options: { explicitOnly?: boolean } = {}): FaultOutcome {
    let delayMs = 0;
    let terminal: Fault | null = null;
    for (const fault of this.#faults) {
      if (!applies(fault, target, options.explicitOnly ?? false)) continue;
      if (fault.kind === "latency" || fault.kind === "hang") {
        fault.fired += 1;
        delayMs += fault.ms ?? (fault.kind === "hang" ? DEFAULT_HANG_MS : DEFAULT_LATENCY_MS);
      } else if (terminal === null) {
        fault.fired += 1;
        terminal = fault;
      }
    }
    return { delayMs, terminal };
  }
}
