import { E2E_METRICS_TOKEN } from "../../playwright.config";
import { expect, test } from "../fixtures";
import { planByName, sandbox } from "../../tests/support/e2e-sandbox";
import { APP_BASE, APP_ROOT, auditLines, sessionCookie } from "../../tests/support/http-client";
import { callAction, findAction } from "../../tests/support/action-client";
import { loggedForRequest } from "../../tests/support/server-log";

// /api/metrics in Prometheus' text format: refused without the bearer token (a loopback address
// claimed in X-Forwarded-For does not stand in for it), and its counters move with a mark and a
// failed CAN call. And the structured log: one request id from the mark's answer to its log line,
// its audit rows and the x-request-id CAN received.

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${E2E_METRICS_TOKEN}` }) => fetch(`${APP_BASE}/api/metrics`, { headers });

/** The value of one sample line (`name{labels} value`), 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? "").split(",");
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

test("a scrape without the token is refused, whatever address it claims", async () => {
  const attempts: Record<string, string>[] = [
    {},
    { "x-forwarded-for": "127.0.0.1" },
    { authorization: "Bearer not-the-token-not-the-token-0000" },
    { authorization: E2E_METRICS_TOKEN },
  ];
  for (const headers of attempts) {
    const response = await scrape(headers);
    expect(response.status, JSON.stringify(headers)).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await response.text()).not.toContain("console_");
  }
});

test("counters move with a sign-in, a mark and a failed CAN call", async () => {
  const plan = await planByName("acme", "orders_daily");
  const before = await (await scrape()).text();
  const operator = await sessionCookie("operator", "10.66.0.40");
  expect(before).toContain("# TYPE console_can_calls_total counter");
  expect(before).toContain("console_instance_ready 1");

  const mark = await callAction<{ ok: boolean }>(APP_BASE, findAction(APP_ROOT, "markPartitionsAction"), {
    path: `/t/acme/plans/${plan.uuid}`,
    args: [{ tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success: [{ start: "2026-10-20", end: "2026-10-20" }], failed: [] }],
    cookie: operator,
  });
  expect(mark.value?.ok).toBe(true);
  await sandbox.setFaults([{ kind: "rejected", endpoint: "queryMtPartitionList", tenant: "acme", message: "metrics-e2e: refused" }]);
  expect((await fetch(`${APP_BASE}/api/t/acme/plans/${plan.uuid}`, { headers: { cookie: operator } })).ok).toBe(false);

  const after = await (await scrape()).text();
  const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
  expect(moved("console_sign_ins_total", { outcome: "signed-in" })).toBe(1);
  expect(moved("console_marks_total", { kind: "success", outcome: "ok", via: "page" })).toBe(1);
  expect(moved("console_can_calls_total", { tenant: "acme", endpoint: "updatePartition", outcome: "ok" })).toBe(1);
  expect(moved("console_can_calls_total", { tenant: "acme", endpoint: "queryMtPartitionList", outcome: "rejected" })).toBe(1);
  expect(moved("console_audit_write_duration_seconds_count", { outcome: "ok" })).toBeGreaterThanOrEqual(2); // intent and outcome
  expect(after).not.toMatch(/operator|demo-password/);
});

test("one mark, one request id: in the log line, the audit row and the header CAN received", async () => {
  const plan = await planByName("acme", "orders_daily");
  const operator = await sessionCookie("operator", "10.66.0.41");
  const admin = await sessionCookie("admin", "10.66.0.41");
  const mark = await callAction<{ ok: boolean; data?: { requestId: string } }>(APP_BASE, findAction(APP_ROOT, "markPartitionsAction"), {
    path: `/t/acme/plans/${plan.uuid}`,
    args: [
      { tenantId: "acme", planUuid: plan.uuid, granularity: "DAY", success: [], failed: [{ start: "2026-10-21", end: "2026-10-21" }], confirmName: plan.name },
    ],
    cookie: operator,
  });
  expect(mark.value?.ok, JSON.stringify(mark.value ?? mark.body)).toBe(true);
  const id = mark.value?.data?.requestId ?? "";
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await sandbox.recentRequests()).filter((r) => r.endpoint === "updatePartition").at(-1)?.requestId).toBe(id);
  const rows = (await auditLines("acme", admin)).filter((l) => l.requestId === id);
  expect(rows.map((r) => r.phase)).toContain("intent");
  await expect
    .poll(() => loggedForRequest(id))
    .toContainEqual(
      expect.objectContaining({ level: "info", event: "mark.finished", tenant: "acme", outcome: "ok", kind: "failed", actorId: expect.any(String) }),
    );
});
