// Shared by the sandbox's vitest files: start a sandbox on port 0 in a temp dir and talk to it over HTTP.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoAuthHeaders } from "./demo-auth-headers";
import { DEMO_TENANTS, type DemoAppTenant, type DemoKeyTenant, type DemoTenant } from "@/lib/demo-tenants";
import { planUuid } from "./prng";
import { startSandbox, type StartSandboxOptions } from "./server";

export const SEED_END = "2025-10-21";

export function demoTenant(id: string): DemoTenant {
  const tenant = DEMO_TENANTS.find((t) => t.id === id);
  if (!tenant) throw new Error(`no demo tenant ${id}`);
  return tenant;
}
export const ACME = demoTenant("acme") as DemoKeyTenant;
export const GLOBEX = demoTenant("globex") as DemoAppTenant;

export const UUID = {
  ordersDaily: planUuid("acme", "orders_daily"),
  revenueMonthly: planUuid("acme", "revenue_monthly"),
  customerSnapshot: planUuid("acme", "customer_snapshot"),
  storeSalesResult: planUuid("acme", "store_sales_result"),
  basketAccelerate: planUuid("acme", "basket_accelerate"),
  clickstream10y: planUuid("acme", "clickstream_events_10y"),
  ordersWeekly: planUuid("acme", "orders_weekly"),
  shipmentsDaily: planUuid("globex", "shipments_daily"),
};

export type Envelope<T = unknown> = {
  data: T;
  success: boolean;
  code: string;
  errorMsg: string | null;
  detailErrorMsg: string | null;
  traceId: string;
};
export type PartitionItem = { value: string; status?: string; updateTime?: string };
export type PartitionBody = {
  hasData: boolean;
  isPartition: boolean;
  partition: {
    paritionList: PartitionItem[];
    hasNext: boolean;
    total: number;
    pageNumber: number;
    pageSize: number;
  } | null;
};
export type PlanState = {
  plan: { id: string; name: string; hasData: boolean; isFullRefresh: boolean; lastRefreshTime: string | null };
  partitions: Record<string, { status: "success" | "failed"; updateTime: string }>;
};

export type TestSandbox = { url: string; dataDir: string; close(): Promise<void> };

/**
 * One sandbox for a test file: started before its tests, closed after them, and (with `reset`)
 * reseeded before each test. Its fields are filled in when the file's tests start.
 */
export function sandboxForFile(options: { reset?: boolean } = {}): TestSandbox {
  const sb = {} as TestSandbox;
  beforeAll(async () => {
    Object.assign(sb, await startTestSandbox());
  });
  afterAll(() => sb.close());
  if (options.reset) beforeEach(() => control(sb.url, "POST", "reset"));
  return sb;
}

/** A fresh sandbox in its own temp dir; close() also removes the dir unless the caller supplied it. */
export async function startTestSandbox(options: Partial<StartSandboxOptions> = {}): Promise<TestSandbox> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "can-sandbox-")));
  const sandbox = await startSandbox({ port: 0, seedEnd: SEED_END, log: () => undefined, ...options, dataDir });
  return {
    url: sandbox.url,
    dataDir,
    close: async () => {
      await sandbox.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function authHeaders(tenant: DemoKeyTenant): Record<string, string> {
  return { "tenant-id": tenant.id, "auth-type": tenant.authType, "auth-value": tenant.authValue };
}

/** GLOBEX's headers with a token fresh from the sandbox's token/create. */
export function globexHeaders(base: string): Promise<Record<string, string>> {
  return demoAuthHeaders(base, GLOBEX);
}

export function canUrl(base: string, endpoint: string, query: Record<string, string | number> = {}): string {
  const url = new URL(`${base}/anymetrics/api/v1/accelerate/plan/${endpoint}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  return url.toString();
}

export async function canGet<T = Envelope>(
  base: string,
  endpoint: string,
  query: Record<string, string | number>,
  headers: Record<string, string> = authHeaders(ACME),
): Promise<T> {
  const res = await fetch(canUrl(base, endpoint, query), { headers });
  return (await res.json()) as T;
}

export async function canPost<T = Envelope>(base: string, endpoint: string, body: unknown, headers: Record<string, string> = authHeaders(ACME)): Promise<T> {
  const res = await fetch(canUrl(base, endpoint), {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

export async function control<T = unknown>(base: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${route} -> ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export function planState(base: string, tenantId: string, uuid: string): Promise<PlanState> {
  return control<PlanState>(base, "GET", `state?tenant=${tenantId}&uuid=${uuid}`);
}

/** A DAY range in CAN's wire form. */
export function dayRange(start: string, end: string = start): { dateGranularity: string; startTime: string; endTime: string } {
  return { dateGranularity: "DAY", startTime: `${start}T00:00:00`, endTime: `${end}T00:00:00` };
}
