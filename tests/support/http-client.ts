import { E2E_APP_PORT } from "../../playwright.config";
import { callAction, findAction, signIn } from "./action-client";
import type { DemoUser } from "../../e2e/fixtures";
import { DEMO_PASSWORD } from "../../e2e/fixtures";
import { sandbox, type SandboxPlanSummary } from "./e2e-sandbox";

// Plain-HTTP access to the e2e app for specs that drive server actions and route handlers without a
// browser (tests/support/action-client.ts): sessions, audit read-back, sandbox counters and the
// strings that must never leak across tenants.

export const APP_ROOT = process.cwd();
export const APP_BASE = `http://127.0.0.1:${E2E_APP_PORT}`;

/** Signs a demo user in through the login action; `ip` keeps the spec's sign-ins in its own limit bucket. */
export async function sessionCookie(user: DemoUser, ip: string): Promise<string> {
  const result = await signIn(APP_ROOT, APP_BASE, user, DEMO_PASSWORD, { "x-forwarded-for": ip });
  if (!result.cookie) throw new Error(`sign-in of ${user} failed: ${result.status} ${result.error ?? ""}`);
  return result.cookie;
}

/** Creates a token through the admin page's action, as an admin's browser would. */
export async function makeToken(adminCookie: string, tenant: string, name: string, role: "viewer" | "operator", expires?: string): Promise<string> {
  const form = new FormData();
  form.set("tenantId", tenant);
  form.set("name", name);
  form.set("role", role);
  if (expires) form.set("expires", expires);
  const answer = await callAction<{ ok: boolean; data?: { token: string } }>(APP_BASE, findAction(APP_ROOT, "createApiTokenAction"), {
    path: "/admin",
    args: [null, form],
    cookie: adminCookie,
  });
  if (!answer.value?.ok || !answer.value.data) throw new Error(`token ${name} not created: ${JSON.stringify(answer.value)}`);
  return answer.value.data.token;
}

export type AuditLine = {
  seq: number;
  action: string;
  phase: string;
  planUuid: string | null;
  outcome: string | null;
  pending: boolean;
  actor: string;
  ranges: { start: string; end: string }[] | null;
  requestId: string | null;
};

/** The tenant's audit log as an admin's JSON export, without the export events themselves. */
export async function auditLines(tenant: string, adminCookie: string): Promise<AuditLine[]> {
  const response = await fetch(`${APP_BASE}/api/t/${tenant}/audit/export?format=json`, { headers: { cookie: adminCookie } });
  if (!response.ok) throw new Error(`audit export of ${tenant}: HTTP ${response.status}`);
  return ((await response.json()) as AuditLine[]).filter((l) => l.action !== "audit.export");
}

export type Counts = { total: number; byTenant: Record<string, number>; byTenantAndEndpoint: Record<string, Record<string, number>> };
export const canCalls = async (): Promise<Counts> => (await sandbox.requests()) as Counts;

async function plansOf(tenant: string): Promise<SandboxPlanSummary[]> {
  const listed = await sandbox.plans(tenant);
  return Array.isArray(listed) ? listed : listed.plans;
}

/** Plan names, display names and the tenant's display name: none may appear in a refusal. */
export async function tenantSecrets(tenant: "acme" | "globex"): Promise<string[]> {
  const names = (await plansOf(tenant)).flatMap((p) => [p.name, String(p.displayName ?? "")]).filter((s) => s.length > 3);
  return [...names, tenant === "acme" ? "Acme Retail" : "Globex Logistics"];
}

/** What a refusal may never carry: a stack trace, an error digest, a Next error page. */
export const INTERNALS = [/\n\s+at\s/, /"digest"/, /Internal Server Error/i, /Error: /];
