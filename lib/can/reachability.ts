import "server-only";
import { eventLogAt, type EventLog } from "@/lib/log/log-event";
import { processGlobal } from "@/lib/process-global";

// Whether each tenant's CAN answered its latest call, per process. An unreachable CAN (a wrong
// baseUrl, CAN down, a firewall) fails every request the same way: the operator needs to hear it
// once, with what to check, and once more when it answers again, not one log line per request.
// On globalThis because Next bundles route handlers, actions and pages separately.

type Down = { since: number; failures: number };
const down = processGlobal<Map<string, Down>>("can-reachability", () => new Map());

type Log = EventLog;
const warn: Log = eventLogAt("warn");

/** A call that never reached CAN (network error or timeout): logged only when the tenant was reachable. */
export function noteUnreachable(tenantId: string, baseUrl: string, reason: string, log: Log = warn): void {
  const state = down.get(tenantId);
  if (state) {
    state.failures += 1;
    return;
  }
  down.set(tenantId, { since: Date.now(), failures: 1 });
  log({
    event: "can.unreachable",
    tenant: tenantId,
    reason,
    hint: `check that CAN answers at ${withoutUserInfo(baseUrl)} (the tenant's baseUrl in CAN_TENANTS_FILE; SANDBOX_URL in demo mode); further failures are not logged until it answers`,
  });
}

/** Any answer from CAN (even a refusal): logs the recovery of a tenant that was unreachable. */
export function noteAnswered(tenantId: string, log: Log = warn): void {
  const state = down.get(tenantId);
  if (!state) return;
  down.delete(tenantId);
  log({ event: "can.reachable_again", tenant: tenantId, downForMs: Date.now() - state.since, failedCalls: state.failures });
}

function withoutUserInfo(url: string): string {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return u.toString();
}

/** Tests start each case from "every tenant reachable". */
export function resetReachabilityForTests(): void {
  down.clear();
}
