import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "../fixtures";
import { AdminPage } from "../pages/admin-page";
import { CalendarPage } from "../pages/calendar-page";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, APP_ROOT, auditLines, canCalls, makeToken, sessionCookie } from "../../tests/support/http-client";

// The console as CAN's front door for schedulers: a token made on /admin marks through CAN's own
// paths and wire format; CAN (the sandbox) receives the same request range for range; the audit log,
// the history and the calendar show the machine's mark; and every refusal comes in CAN's envelope
// before anything reaches CAN.

const IP = "10.77.0.1";
// A DAY plan no other spec reads cell by cell: the marks made here stay in the console's audit log
// across the suite (the sandbox is reset between tests, the database is not).
const PLAN = "clickstream_events_10y";
const API = `${APP_BASE}/can/anymetrics/api/v1/accelerate/plan`;

// The request example of CAN's updatePartition page (../shared/can-api.md), only `uuid` replaced.
const documentedExample = (uuid: string) => ({
  uuid,
  runType: "MANUAL",
  successTimeRange: [
    { dateGranularity: "DAY", startTime: "2025-10-22T00:00:00", endTime: "2025-10-22T00:00:00" },
    { dateGranularity: "DAY", startTime: "2025-10-20T00:00:00", endTime: "2025-10-21T00:00:00" },
  ],
  failedTimeRange: [{ dateGranularity: "DAY", startTime: "2025-10-23T00:00:00", endTime: "2025-10-23T00:00:00" }],
});

type Envelope = { success: boolean; code: string; errorMsg: string | null; detailErrorMsg: string | null; traceId?: string | null; data: unknown };

async function call(
  endpoint: string,
  init: {
    token?: string;
    tenant?: string;
    authType?: string;
    body?: unknown;
    rawBody?: string;
    query?: string;
    headers?: Record<string, string>;
    method?: string;
  },
) {
  const headers: Record<string, string> = {
    "tenant-id": init.tenant ?? "acme",
    "auth-type": init.authType ?? "APIKEY",
    "content-type": "application/json",
    ...init.headers,
  };
  if (init.token !== undefined) headers["auth-value"] = init.token;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${API}/${endpoint}${init.query ?? ""}`, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  return { status: response.status, headers: response.headers, envelope: (await response.json()) as Envelope };
}

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe("CAN's API through the console", () => {
  test("a token made on /admin marks CAN's documented example; CAN receives it range for range; audit, history and calendar show the machine", async ({
    page,
    expectAccessible,
  }) => {
    const plan = await planByName("acme", PLAN);
    const admin = new AdminPage(page);
    await admin.goto();
    const name = unique("airflow-prod");
    const token = await admin.createToken("Acme Retail", { name, role: "operator" });
    expect(token).toMatch(/^cpc_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await expect(admin.tokens("Acme Retail")).toContainText(name);
    await expectAccessible(page);

    const before = await canCalls();
    const body = documentedExample(plan.uuid);
    const answer = await call("updatePartition", { token, body });
    expect(answer.status).toBe(200);
    expect(answer.envelope).toMatchObject({ success: true, code: "200", data: "success" });
    const after = await canCalls();
    expect((after.byTenantAndEndpoint.acme?.updatePartition ?? 0) - (before.byTenantAndEndpoint.acme?.updatePartition ?? 0)).toBe(1);
    expect((await sandbox.mutations()).at(-1)).toEqual({ tenant: "acme", endpoint: "updatePartition", body });

    const adminCookie = await sessionCookie("admin", IP);
    const rows = (await auditLines("acme", adminCookie)).filter((l) => l.actor === name);
    // The export merges each intent with its outcome row.
    expect(rows.map((r) => [r.phase, r.action, r.outcome, r.ranges?.length])).toEqual([["intent", "partition.mark", "ok", 3]]);

    const calendar = new CalendarPage(page);
    await calendar.goto("acme", plan.uuid, "?year=2025");
    await calendar.expectStatus("2025-10-23", "failed");
    await calendar.expectStatus("2025-10-20", "success");
    await expect(page.getByRole("table", { name: "Plan history" })).toContainText(`${name} (API token)`);
    await expectAccessible(page);

    await page.goto(`/t/acme/audit?by=machines`);
    await expect(page.getByRole("main")).toContainText(`${name} (API token)`);
    await page.goto(`/t/acme/audit?by=people&actor=${name}`);
    await expect(page.getByRole("main")).not.toContainText(`${name} (API token)`);
    await expectAccessible(page);
  });

  test("refusals come in CAN's envelope and never reach CAN", async () => {
    const adminCookie = await sessionCookie("admin", IP);
    const daily = await planByName("acme", PLAN);
    const operator = await makeToken(adminCookie, "acme", unique("op"), "operator");
    const viewer = await makeToken(adminCookie, "acme", unique("viewer"), "viewer");
    const globexOperator = await makeToken(adminCookie, "globex", unique("gx"), "operator");
    const one = {
      uuid: daily.uuid,
      runType: "MANUAL",
      successTimeRange: [{ dateGranularity: "DAY", startTime: "2026-10-01T00:00:00", endTime: "2026-10-01T00:00:00" }],
    };
    const marksInAudit = async () => (await auditLines("acme", adminCookie)).filter((l) => l.action.startsWith("partition.")).length;
    const auditBefore = await marksInAudit();
    const before = await canCalls();

    const cases: [string, Awaited<ReturnType<typeof call>>, number, string][] = [
      ["no token", await call("updatePartition", { body: one }), 401, "CONSOLE_UNAUTHENTICATED"],
      ["a CAN key instead of a token", await call("updatePartition", { token: "sk-sandbox-acme-7d41c9e2b8", body: one }), 401, "CONSOLE_UNAUTHENTICATED"],
      ["a wrong secret", await call("updatePartition", { token: `${operator.slice(0, -2)}xx`, body: one }), 401, "CONSOLE_UNAUTHENTICATED"],
      ["auth-type TOKEN", await call("updatePartition", { token: operator, authType: "TOKEN", body: one }), 403, "CONSOLE_FORBIDDEN"],
      ["a viewer token marking", await call("updatePartition", { token: viewer, body: one }), 403, "CONSOLE_FORBIDDEN"],
      ["a globex token sent as acme", await call("updatePartition", { token: globexOperator, tenant: "acme", body: one }), 403, "CONSOLE_FORBIDDEN"],
      ["an acme token sent as globex", await call("updatePartition", { token: operator, tenant: "globex", body: one }), 403, "CONSOLE_FORBIDDEN"],
      ["malformed JSON", await call("updatePartition", { token: operator, rawBody: "{ not json" }), 400, "CONSOLE_VALIDATION"],
      [
        "a body of the wrong shape",
        await call("updatePartition", { token: operator, body: { uuid: daily.uuid, successTimeRange: "2026-10-01" } }),
        400,
        "CONSOLE_VALIDATION",
      ],
      [
        "an impossible date",
        await call("updatePartition", {
          token: operator,
          body: { ...one, successTimeRange: [{ dateGranularity: "DAY", startTime: "2026-02-30T00:00:00", endTime: "2026-02-30T00:00:00" }] },
        }),
        400,
        "CONSOLE_VALIDATION",
      ],
      [
        "a future partition",
        await call("updatePartition", {
          token: operator,
          body: { ...one, failedTimeRange: [{ dateGranularity: "DAY", startTime: "2030-01-01T00:00:00", endTime: "2030-01-05T00:00:00" }] },
        }),
        400,
        "CONSOLE_VALIDATION",
      ],
      [
        "too many partitions",
        await call("updatePartition", {
          token: operator,
          body: { ...one, successTimeRange: [{ dateGranularity: "DAY", startTime: "1900-01-01T00:00:00", endTime: "1990-01-01T00:00:00" }] },
        }),
        400,
        "CONSOLE_VALIDATION",
      ],
      [
        "a body over 1 MB",
        await call("updatePartition", { token: operator, rawBody: JSON.stringify({ ...one, pad: "x".repeat(1_100_000) }) }),
        413,
        "CONSOLE_PAYLOAD_TOO_LARGE",
      ],
      ["a GET to a mark endpoint", await call("updatePartition", { token: operator }), 405, "CONSOLE_VALIDATION"],
      [
        "an endpoint CAN does not have",
        await call("transform", { token: operator, body: { uuid: daily.uuid, materializeType: "EXTERNAL" } }),
        404,
        "CONSOLE_NOT_FOUND",
      ],
    ];
    const future = cases.find(([what]) => what === "a future partition")?.[1];
    expect(future?.envelope.errorMsg, "the refusal says why, in words a scheduler's log can show").toMatch(
      /^5 partitions are after today \(\d{4}-\d{2}-\d{2}, .+\): 2030-01-01\.\.2030-01-05\. A partition cannot be marked success or failed before its data can exist/,
    );
    for (const [what, answer, status, code] of cases) {
      expect(answer.status, what).toBe(status);
      expect(answer.envelope, what).toMatchObject({ success: false, code, data: null, errorMsg: expect.any(String) });
      expect(JSON.stringify(answer.envelope), what).not.toMatch(/\n\s+at\s|sk-sandbox/);
    }
    const after = await canCalls();
    expect(after.byTenantAndEndpoint.acme?.updatePartition ?? 0, "no mark reached CAN").toBe(before.byTenantAndEndpoint.acme?.updatePartition ?? 0);
    expect(after.byTenantAndEndpoint.globex?.updatePartition ?? 0).toBe(before.byTenantAndEndpoint.globex?.updatePartition ?? 0);
    expect(await marksInAudit(), "no mark row for a refusal").toBe(auditBefore);
  });

  test("MONTH ranges on a DAY plan are refused by the plan check, with no CAN mark and an audit-free refusal", async () => {
    const adminCookie = await sessionCookie("admin", IP);
    const daily = await planByName("acme", PLAN);
    const token = await makeToken(adminCookie, "acme", unique("month"), "operator");
    const before = await canCalls();
    const answer = await call("updatePartition", {
      token,
      body: { uuid: daily.uuid, successTimeRange: [{ dateGranularity: "MONTH", startTime: "2026-09-01T00:00:00", endTime: "2026-09-01T00:00:00" }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.envelope).toMatchObject({ success: false, code: "CONSOLE_VALIDATION", errorMsg: expect.stringMatching(/DAY/) });
    expect((await canCalls()).byTenantAndEndpoint.acme?.updatePartition ?? 0).toBe(before.byTenantAndEndpoint.acme?.updatePartition ?? 0);
  });

  test("a revoked or expired token is refused at the next request", async ({ page }) => {
    const adminCookie = await sessionCookie("admin", IP);
    const daily = await planByName("acme", PLAN);
    const name = unique("revokable");
    const token = await makeToken(adminCookie, "acme", name, "viewer");
    const read = () => call("queryMtPartitionList", { token, query: `?uuid=${daily.uuid}&pageNumber=1&pageSize=3` });
    const ok = await read();
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.envelope)).toContain("paritionList");

    const admin = new AdminPage(page);
    await admin.goto();
    await admin
      .tokens("Acme Retail")
      .getByRole("button", { name: `Revoke token ${name}` })
      .click();
    await admin.section("Acme Retail").getByRole("button", { name: "Confirm revoke" }).click();
    await expect(admin.tokens("Acme Retail").getByRole("row").filter({ hasText: name })).toContainText("revoked");
    const refused = await read();
    expect(refused.status).toBe(401);
    expect(refused.envelope).toMatchObject({ code: "CONSOLE_UNAUTHENTICATED", errorMsg: "the API token has been revoked" });

    // An expiry is a date: a token that expires today (UTC midnight has passed) is refused.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const expiring = await makeToken(adminCookie, "acme", unique("expiring"), "viewer", tomorrow);
    expect((await call("queryAccelerateResultPlan", { token: expiring, query: `?uuid=${daily.uuid}` })).status).toBe(200);
  });

  test("an Idempotency-Key replay makes one CAN call; the same key with another body is refused", async () => {
    const adminCookie = await sessionCookie("admin", IP);
    const daily = await planByName("acme", PLAN);
    const token = await makeToken(adminCookie, "acme", unique("idem"), "operator");
    const body = {
      uuid: daily.uuid,
      runType: "MANUAL",
      successTimeRange: [{ dateGranularity: "DAY", startTime: "2026-10-02T00:00:00", endTime: "2026-10-03T00:00:00" }],
    };
    const key = unique("backfill-2026-10-02");
    const before = (await canCalls()).byTenantAndEndpoint.acme?.updatePartition ?? 0;
    const first = await call("updatePartition", { token, body, headers: { "idempotency-key": key } });
    const second = await call("updatePartition", { token, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.envelope).toEqual(first.envelope);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(((await canCalls()).byTenantAndEndpoint.acme?.updatePartition ?? 0) - before).toBe(1);
    const other = await call("updatePartition", {
      token,
      body: { ...body, failedTimeRange: body.successTimeRange, successTimeRange: [] },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(409);
    expect(other.envelope.code).toBe("CONSOLE_CONFLICT");
    expect(((await canCalls()).byTenantAndEndpoint.acme?.updatePartition ?? 0) - before).toBe(1);
  });

  test("the Python snippet of docs/schedulers.md (standard library only) marks a partition, and raises on a refusal", async () => {
    const guide = readFileSync(join(APP_ROOT, "docs", "schedulers.md"), "utf8");
    expect(guide, "docs/schedulers.md is the For schedulers guide").toMatch(/^# For schedulers\n/);
    const snippet = /```python\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(snippet, "a python block in For schedulers").toBeTruthy();
    const adminCookie = await sessionCookie("admin", IP);
    const daily = await planByName("acme", PLAN);
    const token = await makeToken(adminCookie, "acme", unique("python"), "operator");
    const file = join(mkdtempSync(join(tmpdir(), "snippet-")), "mark.py");
    writeFileSync(
      file,
      `${snippet!}\nimport sys\nprint(mark_partition(sys.argv[1], "2026-10-07", ok=False, run_id="r1"))\ntry:\n    mark_partition(sys.argv[1], "2026-02-30")\nexcept RuntimeError as e:\n    print("refused:", e)\n`,
    );
    const run = await promisify(execFile)("python3", [file, daily.uuid], {
      env: { ...process.env, CONSOLE: APP_BASE, CONSOLE_TENANT: "acme", CONSOLE_TOKEN: token },
    });
    expect(run.stdout).toContain("'success': True");
    expect(run.stdout).toMatch(/refused: CONSOLE_VALIDATION: .*2026-02-30/);
    expect((await sandbox.mutations()).at(-1)?.body).toMatchObject({ uuid: daily.uuid, failedTimeRange: [{ startTime: "2026-10-07T00:00:00" }] });
  });

  test("the OpenAPI document describes the API, public", async () => {
    const response = await fetch(`${APP_BASE}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/can/anymetrics/api/v1/accelerate/plan/updatePartition");
  });

  test("reads pass through with CAN's answer; the rate limit answers 429 in CAN's envelope", async () => {
    const adminCookie = await sessionCookie("admin", IP);
    const token = await makeToken(adminCookie, "acme", unique("reader"), "viewer");
    const list = await call("queryAccelerateResultPlanList", { token, body: { materializeType: "EXTERNAL", pager: { pageNumber: 1, pageSize: 20 } } });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.envelope)).toContain("orders_daily");
    // The e2e app allows 60 requests per token per minute (playwright.config.ts); one was used above.
    // The limit counts per clock minute, so a run that crosses a minute's end may pass 119 before the
    // 429: 130 tries reach it whenever they start.
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 130 && !limited; i++) {
      const answer = await call("queryAccelerateResultPlanList", { token, body: { pager: { pageNumber: 1, pageSize: 1 } } });
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.envelope).toMatchObject({ success: false, code: "CONSOLE_RATE_LIMITED" });
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
