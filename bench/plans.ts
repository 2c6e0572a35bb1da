// The plans the bench measures, and the one piece of set-up it does through CAN's own API: giving
// the 10-year plan a shorter or longer history for the scaling scenario (the seed catalogue stays
// as the sandbox tests expect it).
import { CAN_API_PREFIX } from "@/lib/can/client";
import { addKeys, rangesToCanTimeRanges, type KeyRange } from "@/lib/partitions";
import { demoAuthHeaders } from "@/sandbox/demo-auth-headers";
import { DEMO_TENANTS } from "@/lib/demo-tenants";
import { planUuid } from "@/sandbox/prng";
import type { SandboxControl } from "@/tests/support/sandbox-control";

export const TENANT = "acme";
export const BIG_PLAN = { name: "clickstream_events_10y", uuid: planUuid(TENANT, "clickstream_events_10y") };
/** One page of partitions (~34 listed): the route's work is one CAN call plus the console's own. */
export const SMALL_PLAN = { name: "revenue_monthly", uuid: planUuid(TENANT, "revenue_monthly") };

/** CAN's headers for the bench's own tenant (an API key: no token to fetch). */
export function canHeaders(): Record<string, string> {
  const t = DEMO_TENANTS.find((d) => d.id === TENANT);
  if (t?.authType !== "APIKEY") throw new Error(`demo tenant ${TENANT} has no API key`);
  return { "tenant-id": t.id, "auth-type": t.authType, "auth-value": t.authValue, accept: "application/json" };
}

/** CAN's headers for any demo tenant, fetching a token from the sandbox for an app-credential one. */
export async function canHeadersFor(sandboxUrl: string, tenantId: string): Promise<Record<string, string>> {
  const t = DEMO_TENANTS.find((d) => d.id === tenantId);
  if (!t) throw new Error(`no demo tenant ${tenantId}`);
  return { ...(await demoAuthHeaders(sandboxUrl, t)), accept: "application/json" };
}

export const canUrl = (sandboxUrl: string, endpoint: string): string => `${sandboxUrl}${CAN_API_PREFIX}${endpoint}`;

export async function canPost(sandboxUrl: string, endpoint: string, body: unknown): Promise<void> {
  const res = await fetch(canUrl(sandboxUrl, endpoint), {
    method: "POST",
    headers: { ...canHeaders(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { success?: boolean; errorMsg?: string };
  if (!res.ok || json.success !== true) throw new Error(`sandbox ${endpoint}: HTTP ${res.status} ${json.errorMsg ?? ""}`);
}

/** Oldest and newest partition key the sandbox holds for the big plan. */
export async function bigPlanSpan(sandbox: SandboxControl): Promise<KeyRange> {
  const res = await fetch(`${sandbox.url}/__sandbox/state?tenant=${TENANT}&uuid=${BIG_PLAN.uuid}`);
  const state = (await res.json()) as { partitions: Record<string, unknown> };
  const keys = Object.keys(state.partitions).sort();
  const start = keys[0];
  const end = keys.at(-1);
  if (!start || !end) throw new Error("the 10-year plan has no partitions in the sandbox");
  return { start, end };
}

/**
 * Resets the sandbox, then gives the 10-year plan `years` of history ending where it ends now:
 * shorter by clearing its oldest partitions, longer by marking earlier days success (20,000
 * partitions at most per call, the sandbox's bound). Statuses of the kept part are the seed's.
 */
export async function shapeBigPlanHistory(sandbox: SandboxControl, years: number): Promise<KeyRange> {
  await sandbox.reset();
  const span = await bigPlanSpan(sandbox);
  const days = Math.round(years * 365.25);
  const start = addKeys(span.end, -(days - 1), "DAY");
  if (start > span.start) {
    const timeRange = rangesToCanTimeRanges([{ start: span.start, end: addKeys(start, -1, "DAY") }], "DAY");
    await canPost(sandbox.url, "clearPartition", { uuid: BIG_PLAN.uuid, timeRange });
  } else if (start < span.start) {
    let from = start;
    while (from < span.start) {
      const to = [addKeys(from, 19_999, "DAY"), addKeys(span.start, -1, "DAY")].sort()[0] as string;
      const successTimeRange = rangesToCanTimeRanges([{ start: from, end: to }], "DAY");
      await canPost(sandbox.url, "updatePartition", { uuid: BIG_PLAN.uuid, runType: "MANUAL", successTimeRange });
      from = addKeys(to, 1, "DAY");
    }
  }
  return { start, end: span.end };
}
