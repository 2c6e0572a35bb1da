import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { E2E_APP_DATA_DIR, E2E_OIDC_ISSUER } from "../../playwright.config";
import { callAction, findAction, listActions, sessionCookieFrom, type ActionAnswer, type ActionRef } from "../../tests/support/action-client";
import { expect, test } from "../fixtures";
import { planByName } from "../../tests/support/e2e-sandbox";
import { APP_BASE, APP_ROOT, auditLines, canCalls, INTERNALS, sessionCookie, tenantSecrets } from "../../tests/support/http-client";

// EVERY server action of the build (its server-reference manifest) and EVERY route handler (its
// app-paths manifest) is called without a session, with a forged session cookie, across tenants
// (the viewer holds no role in globex) and with too small a role (viewer, operator) against each
// mutation. Each must be refused with a typed result or a 4xx, carry no stack and nothing of the
// target tenant, leave the audit log as it was and make no CAN call. The payloads are valid, so a
// missing check would let the call through (a mark reaches CAN, a role changes) and fail here.
// An action or route added later has no case below: its test fails until one is written.

test.use({ user: null });

type TenantId = "acme" | "globex";
type Caller = "anonymous" | "forged" | "viewer" | "operator";
type Outcome = { code: "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" } | { redirect: "/login" } | { signInRefused: true } | { toProvider: true };
type Call = { caller: Caller; tenant: TenantId; expect: Outcome };
type Refs = Record<TenantId, { daily: string; snapshot: string }>;
type ActionCase = { path: (t: TenantId, refs: Refs) => string; args: (t: TenantId, refs: Refs) => unknown[]; calls: Call[] };

const IP = "10.66.0.1";
const FORGED_COOKIE = "can-console.session_token=forged-token.forged-signature";
const MARK_DAY = "2026-11-25";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Tenant mutations: refused signed out, across tenants (NOT_FOUND, as if it did not exist) and below the role. */
function tenantMutation(minimum: "operator" | "admin"): Call[] {
  return [
    { caller: "anonymous", tenant: "acme", expect: { code: "UNAUTHENTICATED" } },
    { caller: "forged", tenant: "acme", expect: { code: "UNAUTHENTICATED" } },
    { caller: "viewer", tenant: "globex", expect: { code: "NOT_FOUND" } },
    { caller: "viewer", tenant: "acme", expect: { code: "FORBIDDEN" } },
    // The operator is a viewer in globex, and not an admin anywhere.
    { caller: "operator", tenant: "globex", expect: { code: "FORBIDDEN" } },
    ...(minimum === "admin" ? [{ caller: "operator" as const, tenant: "acme" as const, expect: { code: "FORBIDDEN" as const } }] : []),
  ];
}

/** The caller's own account (no tenant in the request): refused signed out; a session may only act on itself. */
const accountAction: Call[] = [
  { caller: "anonymous", tenant: "acme", expect: { code: "UNAUTHENTICATED" } },
  { caller: "forged", tenant: "acme", expect: { code: "UNAUTHENTICATED" } },
];
/** Signing out without a session goes to the login page like signing out with one. */
const signOut: Call[] = [
  { caller: "anonymous", tenant: "acme", expect: { redirect: "/login" } },
  { caller: "forged", tenant: "acme", expect: { redirect: "/login" } },
];

const planPath = (t: TenantId, refs: Refs, plan: "daily" | "snapshot" = "daily") => `/t/${t}/plans/${refs[t][plan]}`;

/** A mark id no tenant has: a missing permission check would answer NOT_FOUND instead of the refusal. */
const SOME_MARK_ID = "00000000-0000-4000-8000-000000000000";

const ACTIONS: Record<string, ActionCase> = {
  revertMarkAction: {
    path: (t, r) => planPath(t, r),
    args: (t) => [{ tenantId: t, markId: SOME_MARK_ID, include: [], pick: [], expected: "[]" }],
    calls: tenantMutation("operator"),
  },
  markPartitionsAction: {
    path: (t, r) => planPath(t, r),
    args: (t, r) => [{ tenantId: t, planUuid: r[t].daily, granularity: "DAY", success: [{ start: MARK_DAY, end: MARK_DAY }], failed: [] }],
    calls: tenantMutation("operator"),
  },
  clearPartitionsAction: {
    path: (t, r) => planPath(t, r),
    args: (t, r) => [
      {
        tenantId: t,
        planUuid: r[t].daily,
        granularity: "DAY",
        ranges: [{ start: "2026-10-01", end: "2026-10-01" }],
        confirmName: t === "acme" ? "orders_daily" : "shipments_daily",
      },
    ],
    calls: tenantMutation("operator"),
  },
  bulkMarkAction: {
    path: (t) => `/t/${t}/plans`,
    args: (t, r) => [{ tenantId: t, kind: "failed", granularity: "DAY", ranges: [{ start: MARK_DAY, end: MARK_DAY }], planUuids: [r[t].daily] }],
    calls: tenantMutation("operator"),
  },
  markRefreshedAction: {
    path: (t, r) => planPath(t, r, "snapshot"),
    args: (t, r) => [{ tenantId: t, planUuid: r[t].snapshot }],
    calls: tenantMutation("operator"),
  },
  saveRoleAction: {
    path: () => "/admin",
    args: (t) => [null, form({ tenantId: t, username: "sa-probe", role: "admin", password: "sa-probe-password-1" })],
    calls: tenantMutation("admin"),
  },
  revokeRoleAction: { path: () => "/admin", args: (t) => [null, form({ tenantId: t, username: "operator" })], calls: tenantMutation("admin") },
  revokeSessionsAction: { path: () => "/admin", args: (t) => [null, form({ tenantId: t, username: "operator" })], calls: tenantMutation("admin") },
  setDisabledAction: {
    path: () => "/admin",
    args: (t) => [null, form({ tenantId: t, username: "operator", disabled: "false" })],
    calls: tenantMutation("admin"),
  },
  createApiTokenAction: {
    path: () => "/admin",
    args: (t) => [null, form({ tenantId: t, name: "sa-probe-token", role: "operator" })],
    calls: tenantMutation("admin"),
  },
  revokeApiTokenAction: { path: () => "/admin", args: (t) => [null, form({ tenantId: t, tokenId: "aaaaaaaaaaaa" })], calls: tenantMutation("admin") },
  startTotpAction: { path: () => "/settings", args: () => [null, form({ password: "demo-password" })], calls: accountAction },
  confirmTotpAction: { path: () => "/settings", args: () => [null, form({ code: "123456" })], calls: accountAction },
  disableTotpAction: { path: () => "/settings", args: () => [null, form({ password: "demo-password" })], calls: accountAction },
  signOutEverywhereAction: { path: () => "/settings", args: () => [null], calls: accountAction },
  saveLocaleAction: { path: () => "/settings", args: () => [{ locale: "zh-CN" }], calls: accountAction },
  signOutAction: { path: () => "/", args: () => [], calls: signOut },
  // Public by design: the only thing it does without a session is refuse wrong credentials.
  signInAction: {
    path: () => "/login",
    args: () => [null, form({ username: "sa-nobody", password: "not-the-password" })],
    calls: [{ caller: "anonymous", tenant: "acme", expect: { signInRefused: true } }],
  },
  // Public by design too: it only sends the browser to the identity provider (e2e/specs/oidc.spec.ts).
  startCompanySignInAction: {
    path: () => "/login",
    args: () => [form({ next: "/t/acme/plans" })],
    calls: [
      { caller: "anonymous", tenant: "acme", expect: { toProvider: true } },
      { caller: "forged", tenant: "acme", expect: { toProvider: true } },
    ],
  },
};

type RouteCall = { caller: Caller; tenant: TenantId; status: 401 | 403 | 404 };
/** Route handlers are GETs: refused signed out, across tenants, and (export) below auditor. */
const ROUTES: Record<string, { query: string; calls: RouteCall[] }> = {
  "/api/t/[tenant]/plans": { query: "", calls: readRefusals() },
  "/api/t/[tenant]/plans/[uuid]": { query: "", calls: readRefusals() },
  "/api/t/[tenant]/plans/health": { query: "?uuid=plan-that-is-never-read", calls: readRefusals() },
  "/api/t/[tenant]/plans/[uuid]/history": { query: "?limit=5", calls: readRefusals() },
  // What a revert would send: for those who may mark (ADR 0029).
  "/api/t/[tenant]/marks/[markId]/revert": { query: "", calls: [...readRefusals(), { caller: "viewer", tenant: "acme", status: 403 }] },
  "/api/t/[tenant]/audit/export": {
    query: "?format=json",
    calls: [...readRefusals(), { caller: "viewer", tenant: "acme", status: 403 }, { caller: "operator", tenant: "acme", status: 403 }],
  },
  // Liveness: public, checked on its own below (names no tenant and calls no CAN when signed out).
  "/api/health": { query: "", calls: [] },
  // Readiness: public too (load balancers probe it without a session), checked on its own below.
  "/api/health/ready": { query: "", calls: [] },
  // Metrics: a bearer token (METRICS_TOKEN), not a session; checked in e2e/specs/metrics.spec.ts.
  "/api/metrics": { query: "", calls: [] },
  // The /can API's OpenAPI document: public, describes shapes only.
  "/api/openapi.json": { query: "", calls: [] },
  // The identity provider's redirect back: public, refused without its state (e2e/specs/oidc.spec.ts).
  "/api/auth/callback/[provider]": { query: "", calls: [] },
};

/**
 * The machine API (CAN's paths under /can): no session at all, a token in CAN's headers. Every
 * endpoint is called with no token, a session cookie instead of one, a CAN credential, a forged
 * token, and (marks) below the role; each answer is CAN's envelope with a console code, no CAN call.
 */
const MACHINE_ROUTES = ["/can/anymetrics/api/v1/accelerate/plan/[endpoint]"];
const MACHINE_ENDPOINTS: Record<string, { method: "GET" | "POST"; query?: string; body?: unknown; mark: boolean }> = {
  updatePartition: {
    method: "POST",
    body: { uuid: "DAILY", successTimeRange: [{ dateGranularity: "DAY", startTime: `${MARK_DAY}T00:00:00`, endTime: `${MARK_DAY}T00:00:00` }] },
    mark: true,
  },
  clearPartition: {
    method: "POST",
    body: { uuid: "DAILY", timeRange: [{ dateGranularity: "DAY", startTime: "2026-10-01T00:00:00", endTime: "2026-10-01T00:00:00" }] },
    mark: true,
  },
  queryMtPartitionList: { method: "GET", query: "?uuid=DAILY&pageNumber=1&pageSize=5", mark: false },
  queryAccelerateResultPlan: { method: "GET", query: "?uuid=DAILY", mark: false },
  queryReferenceScript: { method: "GET", query: "?uuid=DAILY", mark: false },
  queryAccelerateResultPlanList: { method: "POST", body: { pager: { pageNumber: 1, pageSize: 20 } }, mark: false },
};

function readRefusals(): RouteCall[] {
  return [
    { caller: "anonymous", tenant: "acme", status: 401 },
    { caller: "forged", tenant: "acme", status: 401 },
    { caller: "anonymous", tenant: "globex", status: 401 },
    { caller: "viewer", tenant: "globex", status: 404 },
  ];
}

function routePatterns(): string[] {
  const manifest = JSON.parse(readFileSync(join(APP_ROOT, ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/route"))
    .map((k) => k.slice(0, -"/route".length).replace(/\/\([^)]+\)/g, ""));
}

function fillRoute(pattern: string, tenant: TenantId, refs: Refs): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => {
    if (name === "tenant") return tenant;
    if (name === "uuid") return refs[tenant].daily;
    if (name === "provider") return "oidc";
    if (name === "markId") return SOME_MARK_ID;
    throw new Error(`no value for the dynamic segment [${name}] of ${pattern}: add one here`);
  });
}

let cookies: Record<Caller, string | undefined>;
let adminCookie: string;
let refs: Refs;

test.beforeAll(async () => {
  const [viewer, operator, admin] = [await sessionCookie("viewer", IP), await sessionCookie("operator", IP), await sessionCookie("admin", IP)];
  cookies = { anonymous: undefined, forged: FORGED_COOKIE, viewer, operator };
  adminCookie = admin;
  refs = {
    acme: { daily: (await planByName("acme", "orders_daily")).uuid, snapshot: (await planByName("acme", "customer_snapshot")).uuid },
    globex: { daily: (await planByName("globex", "shipments_daily")).uuid, snapshot: (await planByName("globex", "fleet_snapshot")).uuid },
  };
});

// A read of a plan may record a change seen from outside the console (the sandbox reset between specs
// is one): those events are not what a refused or allowed call wrote, so they are not counted.
const callLines = async (tenant: string) => (await auditLines(tenant, adminCookie)).filter((l) => l.action !== "partition.observed").length;
const auditSizes = async () => ({ acme: await callLines("acme"), globex: await callLines("globex") });

async function expectNoCanCall(): Promise<void> {
  const counts = await canCalls();
  expect(counts.byTenant, "CAN calls per tenant").toEqual({});
  expect(counts.total).toBe(0);
}

function expectClean(text: string, secrets: readonly string[], label: string): void {
  for (const pattern of INTERNALS) expect(text, `${label}: internals in the answer`).not.toMatch(pattern);
  for (const secret of secrets) expect(text, `${label}: leaks "${secret}"`).not.toContain(secret);
}

function judgeAction(answer: ActionAnswer<unknown>, outcome: Outcome, secrets: readonly string[], label: string): void {
  expect(answer.status, label).toBeLessThan(500);
  expect(sessionCookieFrom(answer.headers), `${label}: no session may be set`).toBeUndefined();
  expectClean(`${JSON.stringify(answer.value ?? null)}${answer.body ?? ""}`, secrets, label);
  if ("code" in outcome) expect(answer.value, label).toMatchObject({ ok: false, error: { code: outcome.code } });
  else if ("redirect" in outcome) expect(answer.redirect ?? "", label).toMatch(/^\/login(;|\?|$)/);
  else if ("toProvider" in outcome) expect(answer.redirect ?? "", label).toMatch(new RegExp(`^${E2E_OIDC_ISSUER}/auth\\?`));
  else expect(answer.value, label).toEqual({ ok: false, error: { code: "UNAUTHENTICATED", message: "Wrong username or password." } });
}

test("every server action and route handler in the build has a case, and every case is in the build", () => {
  const actions = listActions(APP_ROOT).map((a) => a.name);
  expect(new Set(actions).size, "action names are unique").toBe(actions.length);
  expect([...actions].sort()).toEqual(Object.keys(ACTIONS).sort());
  expect(routePatterns().sort()).toEqual([...Object.keys(ROUTES), ...MACHINE_ROUTES].sort());
});

test("the machine API refuses every endpoint without a valid token of the tenant and role, in CAN's envelope, with no CAN call", async () => {
  const viewerForm = form({ tenantId: "acme", name: `sa-viewer-${Date.now().toString(36)}`, role: "viewer" });
  const created = await callAction<{ ok: boolean; data?: { token: string } }>(APP_BASE, findAction(APP_ROOT, "createApiTokenAction"), {
    path: "/admin",
    args: [null, viewerForm],
    cookie: adminCookie,
  });
  const viewerToken = created.value?.data?.token ?? "";
  expect(viewerToken).toMatch(/^cpc_/);
  const before = await auditSizes();
  const secrets = [...(await tenantSecrets("acme")), ...(await tenantSecrets("globex"))];
  for (const [endpoint, spec] of Object.entries(MACHINE_ENDPOINTS)) {
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body).replaceAll("DAILY", refs.acme.daily);
    const callers: [string, Record<string, string>, number][] = [
      ["no token", {}, 401],
      ["a session cookie", { cookie: cookies.operator ?? "" }, 401],
      ["the tenant's CAN credential", { "auth-value": "sk-sandbox-acme-7d41c9e2b8" }, 401],
      ["a forged token", { "auth-value": `cpc_aaaaaaaaaaaa_${"A".repeat(43)}` }, 401],
      ["the viewer token as globex", { "auth-value": viewerToken, "tenant-id": "globex" }, 403],
      ...(spec.mark ? [["the viewer token marking", { "auth-value": viewerToken }, 403] as [string, Record<string, string>, number]] : []),
    ];
    for (const [who, headers, status] of callers) {
      const response = await fetch(`${APP_BASE}/can/anymetrics/api/v1/accelerate/plan/${endpoint}${(spec.query ?? "").replaceAll("DAILY", refs.acme.daily)}`, {
        method: spec.method,
        headers: { "tenant-id": "acme", "auth-type": "APIKEY", "content-type": "application/json", ...headers },
        body,
      });
      const text = await response.text();
      const label = `${spec.method} ${endpoint} with ${who}`;
      expect(response.status, label).toBe(status);
      expect(JSON.parse(text), label).toMatchObject({ success: false, code: expect.stringMatching(/^CONSOLE_/), data: null });
      expectClean(text, secrets, label);
    }
  }
  await expectNoCanCall();
  // One row: the viewer token's creation; no refusal wrote anything.
  expect(await auditSizes()).toEqual({ ...before });
});

for (const action of listActions(APP_ROOT)) {
  test(`server action ${action.name} (${action.file}) refuses callers without the right`, async () => {
    const c = ACTIONS[action.name];
    if (!c) throw new Error(`${action.name} has no case in server-actions.spec.ts: say who may call it and how it refuses the rest`);
    const before = await auditSizes();
    for (const call of c.calls) {
      const label = `${action.name} as ${call.caller} → ${call.tenant}`;
      const answer = await callAction(APP_BASE, action, { path: c.path(call.tenant, refs), args: c.args(call.tenant, refs), cookie: cookies[call.caller] });
      const secrets = call.caller === "viewer" && call.tenant === "acme" ? [] : await tenantSecrets(call.tenant);
      judgeAction(answer, call.expect, [...secrets, ...(await tenantSecrets("globex"))], label);
    }
    await expectNoCanCall();
    expect(await auditSizes()).toEqual(before);
  });
}

for (const pattern of routePatterns().filter((p) => !MACHINE_ROUTES.includes(p))) {
  test(`route handler ${pattern} refuses callers without the right, and answers only GET`, async () => {
    const c = ROUTES[pattern];
    if (!c) throw new Error(`${pattern} has no case in server-actions.spec.ts`);
    for (const call of c.calls) {
      const url = `${APP_BASE}${fillRoute(pattern, call.tenant, refs)}${c.query}`;
      const cookie = cookies[call.caller];
      const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const text = await response.text();
      const label = `GET ${pattern} as ${call.caller} → ${call.tenant}`;
      expect(response.status, label).toBe(call.status);
      expect(JSON.parse(text), label).toMatchObject({ ok: false, error: { code: expect.any(String) } });
      expectClean(text, await tenantSecrets(call.tenant), label);
    }
    // Nothing but GET: a mutation verb gets 405 whoever sends it, before any work.
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const caller of ["anonymous", "viewer", "operator"] as const) {
        const cookie = cookies[caller];
        const response = await fetch(`${APP_BASE}${fillRoute(pattern, "acme", refs)}${c.query}`, {
          method,
          headers: { origin: APP_BASE, "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          body: "{}",
        });
        expect(response.status, `${method} ${pattern} as ${caller}`).toBe(405);
        expectClean(await response.text(), await tenantSecrets("acme"), `${method} ${pattern}`);
      }
    }
    await expectNoCanCall();
  });
}

test("/api/health: signed out it names no tenant and calls no CAN; signed in it shows only the caller's tenants", async () => {
  const anonymous = await fetch(`${APP_BASE}/api/health`);
  expect(anonymous.status).toBe(200);
  const body = (await anonymous.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(["status", "time"]);
  await expectNoCanCall();
  const viewer = (await (await fetch(`${APP_BASE}/api/health`, { headers: { cookie: cookies.viewer ?? "" } })).json()) as { tenants: { tenant: string }[] };
  expect(viewer.tenants.map((t) => t.tenant)).toEqual(["acme"]);
  expect((await canCalls()).byTenant.globex ?? 0).toBe(0);
});

test("/api/health/ready: public, says only whether this instance takes traffic, calls no CAN", async () => {
  for (const cookie of [undefined, cookies.viewer]) {
    const response = await fetch(`${APP_BASE}/api/health/ready`, { headers: cookie ? { cookie } : {} });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ ready: true, database: "pglite" });
    expectClean(text, await tenantSecrets("acme"), "GET /api/health/ready");
  }
  await expectNoCanCall();
});

test.describe("Origin check on server actions", () => {
  const logPath = join(E2E_APP_DATA_DIR, "server.log");

  test("a mark posted with a foreign, null or missing Origin is refused with 403: no CAN call, no audit row, nothing in the log", async () => {
    const plan = await planByName("acme", "clickstream_events_10y");
    const mark = findAction(APP_ROOT, "markPartitionsAction");
    const call = (origin: string) =>
      callAction(APP_BASE, mark, {
        path: `/t/acme/plans/${plan.uuid}`,
        args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success: [{ start: "2026-11-27", end: "2026-11-27" }], failed: [] }],
        cookie: adminCookie,
        origin,
      });
    const before = await auditSizes();
    const logBefore = statSync(logPath).size;
    for (const origin of ["https://evil.example", "null", "", "http://127.0.0.1:1", `${APP_BASE}.evil.example`]) {
      const answer = await call(origin);
      expect(answer.status, `Origin ${JSON.stringify(origin)}`).toBe(403);
      expect(JSON.parse(answer.body ?? "null")).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Cross-origin request refused." } });
    }
    await expectNoCanCall();
    expect(await auditSizes()).toEqual(before);
    const logged = readFileSync(logPath, "utf8").slice(logBefore);
    expect(logged).not.toContain("Invalid Server Actions request");
    expect(logged).not.toMatch(/⨯|\n\s+at\s/);

    // The control: the same call from the app's own origin goes through (so the refusals above were the Origin's doing).
    const allowed = await call(APP_BASE);
    expect(allowed.value).toMatchObject({ ok: true });
    expect((await canCalls()).byTenantAndEndpoint.acme?.updatePartition).toBe(1);
    expect((await auditSizes()).acme).toBe(before.acme + 1);
  });

  test("a sign-in form posted cross-site before hydration (classic CSRF) is refused with 403 and sets no session", async () => {
    // The login page's own no-JS form: its hidden action fields, plus valid credentials.
    const html = await (await fetch(`${APP_BASE}/login`)).text();
    const post = (origin: string | undefined) => {
      const body = new FormData();
      for (const tag of html.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
        const name = /name="([^"]*)"/.exec(tag)?.[1];
        if (name)
          body.append(
            name.replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
            (/value="([^"]*)"/.exec(tag)?.[1] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
          );
      }
      body.append("username", "admin");
      body.append("password", "demo-password");
      return fetch(`${APP_BASE}/login`, {
        method: "POST",
        body,
        redirect: "manual",
        headers: { "x-forwarded-for": "10.66.0.4", ...(origin ? { origin } : {}) },
      });
    };
    for (const origin of ["https://evil.example", "null"]) {
      const refused = await post(origin);
      expect(refused.status, origin).toBe(403);
      expect(sessionCookieFrom(refused.headers), origin).toBeUndefined();
    }
    // The control: the same form from the app's own origin signs in.
    expect(sessionCookieFrom((await post(APP_BASE)).headers)).toBeDefined();
  });

  test("a body over 1 MB (100,000 ranges) is refused with 413 before Next decodes it", async () => {
    const plan = await planByName("acme", "orders_daily");
    const ranges = Array.from({ length: 100_000 }, () => ({ start: "2026-01-01", end: "2026-01-01" }));
    const answer = await callAction(APP_BASE, findAction(APP_ROOT, "markPartitionsAction") satisfies ActionRef, {
      path: `/t/acme/plans/${plan.uuid}`,
      args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success: ranges }],
      cookie: cookies.operator,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body ?? "null")).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    await expectNoCanCall();
  });
});
