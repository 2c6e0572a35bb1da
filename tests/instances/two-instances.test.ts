import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAction, findAction, signIn } from "../support/action-client";
import type { AckedMark, PartitionState } from "../support/mark-ledger";
import { sandboxControl } from "../support/sandbox-control";
import { root, startInstance, startSandbox, stop, type Proc } from "../support/cluster";
import { checkMarks, createDatabase, daysBetween, mark } from "../support/instance-checks";

// Two app instances on two loopback ports over one PostgreSQL database and one CAN sandbox: what
// one instance does must be seen by the other, because nothing that matters lives in a process.

const TENANT = "acme";
const PLAN = "orders_daily";
const WINDOW = { start: "2026-10-01", end: "2026-10-12" };

let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
let a: Proc | undefined;
let b: Proc | undefined;
let database: Awaited<ReturnType<typeof createDatabase>> | undefined;

beforeAll(async () => {
  database = await createDatabase();
  sandbox = await startSandbox();
  const options = { databaseUrl: database.url, sandboxUrl: sandbox.base, env: { SIGNIN_MAX_PER_ACCOUNT: "3", SIGNIN_WINDOW_SECONDS: "600" } };
  // Started together, as a rolling deploy or an autoscaler would: migrations and the demo accounts
  // must cope with the race.
  [a, b] = await Promise.all([startInstance("A", options), startInstance("B", options)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(a), stop(b), stop(sandbox)]);
  await database?.drop();
}, 60_000);

async function plansStatus(base: string, cookie: string | undefined): Promise<number> {
  const res = await fetch(`${base}/api/t/${TENANT}/plans`, { headers: cookie ? { cookie } : {} });
  await res.body?.cancel();
  return res.status;
}

describe("two instances over one database", () => {
  it("a session made on A is valid on B, and signing out on B ends it on A", async () => {
    const session = await signIn(root, a!.base, "operator", "demo-password", { "x-forwarded-for": "10.8.0.1" });
    expect(session.cookie).toBeDefined();
    expect(await plansStatus(a!.base, session.cookie)).toBe(200);
    expect(await plansStatus(b!.base, session.cookie)).toBe(200);

    const out = await callAction(b!.base, findAction(root, "signOutAction"), { path: "/", args: [], cookie: session.cookie });
    expect(out.redirect).toMatch(/^\/login/);

    expect(await plansStatus(a!.base, session.cookie)).toBe(401);
    expect(await plansStatus(b!.base, session.cookie)).toBe(401);
  });

  it("the sign-in limit counts the attempts made on both instances", async () => {
    // Limit 3 per account: two wrong passwords on A and one on B use it up, so the right password
    // is refused on B (and on A), whichever instance counted which attempt.
    const ip = { "x-forwarded-for": "10.8.0.2" };
    for (const base of [a!.base, b!.base, a!.base]) {
      const attempt = await signIn(root, base, "viewer", "wrong-password", ip);
      expect(attempt.error).toBe("Wrong username or password.");
    }
    for (const base of [b!.base, a!.base]) {
      const blocked = await signIn(root, base, "viewer", "demo-password", ip);
      expect(blocked.cookie).toBeUndefined();
      expect(blocked.error).toMatch(/Too many attempts/);
    }
  });

  it("operators marking one plan through both instances at once leave one verified chain and the last acknowledged state", async () => {
    const control = sandboxControl(sandbox!.base);
    const uuid = (await control.planByName(TENANT, PLAN)).uuid;
    const keys = daysBetween(WINDOW.start, WINDOW.end);
    const before = (await control.state(TENANT, uuid)).partitions;
    const operator = await signIn(root, a!.base, "operator", "demo-password", { "x-forwarded-for": "10.8.0.3" });
    const admin = await signIn(root, b!.base, "admin", "demo-password", { "x-forwarded-for": "10.8.0.4" });
    expect(operator.cookie && admin.cookie).toBeTruthy();

    // Four workers (two per instance, each signed in once, alternating instances per call), eight
    // marks each, over twelve overlapping days: a seeded sequence, so a failure can be replayed.
    let seed = 20261124;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const results: PartitionState[] = ["success", "failed", "missing"];
    const acked: AckedMark[] = [];
    const requestIds: string[] = [];
    const worker = async (w: number) => {
      const cookie = w % 2 === 0 ? operator.cookie! : admin.cookie!;
      for (let i = 0; i < 8; i++) {
        const first = Math.floor(random() * (keys.length - 2));
        const span = keys.slice(first, first + 1 + Math.floor(random() * 3));
        const result = results[Math.floor(random() * 3)]!;
        const base = (w + i) % 2 === 0 ? a!.base : b!.base;
        const sentAt = performance.now();
        const answer = await mark(base, cookie, { tenant: TENANT, planUuid: uuid, planName: PLAN, start: span[0]!, end: span.at(-1)!, result });
        const ackedAt = performance.now();
        expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
        if (answer.data) requestIds.push(answer.data.requestId);
        acked.push({ id: `${w}.${i}`, keys: span, result, sentAt, ackedAt });
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    expect(acked).toHaveLength(32);

    const check = await checkMarks({ sandboxBase: sandbox!.base, databaseUrl: database!.url, tenant: TENANT, planUuid: uuid, keys, before, acked, requestIds });
    expect(check.ledger).toEqual([]);
    expect(requestIds).toHaveLength(32);
    expect(check.actionsNotPaired).toEqual([]);
    expect(check.unpaired).toEqual({ missing: [], doubled: [] });
    expect(check.verified.code, check.verified.output).toBe(0);
  });
  it("a mark made through A is never hidden by a read of CAN that B holds (CAN_LIST_CACHE_SECONDS, default 10 s)", async () => {
    const uuid = (await sandboxControl(sandbox!.base).planByName(TENANT, PLAN)).uuid;
    const operator = await signIn(root, a!.base, "operator", "demo-password", { "x-forwarded-for": "10.8.0.6" });
    const day = "2026-10-20";
    type Calendar = {
      data: { readAt: string; throughSeq: number; runs: [string, string, string][]; lastChanges: { start: string; end: string; status: string }[] };
    };
    const calendar = async (base: string) => {
      const res = await fetch(`${base}/api/t/${TENANT}/plans/${uuid}`, { headers: { cookie: operator.cookie! } });
      expect(res.status).toBe(200);
      return ((await res.json()) as Calendar).data;
    };
    const statusOf = (c: Calendar["data"]) => c.runs.find(([start, end]) => start <= day && day <= end)?.[2];
    const held = await calendar(b!.base);
    // B shares that read with its next requests while the position stays where it is.
    expect((await calendar(b!.base)).readAt).toBe(held.readAt);
    const result = statusOf(held) === "failed" ? "success" : "failed";

    const answer = await mark(a!.base, operator.cookie!, { tenant: TENANT, planUuid: uuid, planName: PLAN, start: day, end: day, result });
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });

    const after = await calendar(b!.base);
    expect(after.throughSeq).toBeGreaterThan(held.throughSeq);
    expect(after.readAt).not.toBe(held.readAt); // read from CAN again, not the read B held
    expect(statusOf(after)).toBe(result);
    expect(after.lastChanges.some((r) => r.start <= day && day <= r.end && r.status === result)).toBe(true);
  });

  it("an API token revoked through A is refused by B at its next request; idempotency and the rate limit hold across both", async () => {
    const admin = await signIn(root, a!.base, "admin", "demo-password", { "x-forwarded-for": "10.8.0.9" });
    const form = new FormData();
    form.set("tenantId", TENANT);
    form.set("name", "two-instance-scheduler");
    form.set("role", "operator");
    const created = await callAction<{ ok: boolean; data?: { token: string } }>(a!.base, findAction(root, "createApiTokenAction"), {
      path: "/admin",
      args: [null, form],
      cookie: admin.cookie,
    });
    const token = created.value?.data?.token ?? "";
    expect(token).toMatch(/^cpc_/);
    const plan = await sandboxControl(sandbox!.base).planByName(TENANT, PLAN);
    const body = JSON.stringify({
      uuid: plan.uuid,
      runType: "MANUAL",
      successTimeRange: [{ dateGranularity: "DAY", startTime: "2026-10-20T00:00:00", endTime: "2026-10-20T00:00:00" }],
    });
    const api = (base: string, key?: string) =>
      fetch(`${base}/can/anymetrics/api/v1/accelerate/plan/updatePartition`, {
        method: "POST",
        headers: {
          "tenant-id": TENANT,
          "auth-type": "APIKEY",
          "auth-value": token,
          "content-type": "application/json",
          ...(key ? { "idempotency-key": key } : {}),
        },
        body,
      });
    const marksBefore = ((await sandboxControl(sandbox!.base).requests()) as { byEndpoint: Record<string, number> }).byEndpoint.updatePartition ?? 0;
    // The same key on both instances: one CAN call, the second answer replayed.
    const [first, second] = [await api(a!.base, "k-two"), await api(b!.base, "k-two")];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect((((await sandboxControl(sandbox!.base).requests()) as { byEndpoint: Record<string, number> }).byEndpoint.updatePartition ?? 0) - marksBefore).toBe(
      1,
    );

    const [id] = /^cpc_([a-z0-9]{12})_/.exec(token)!.slice(1);
    const revokeForm = new FormData();
    revokeForm.set("tenantId", TENANT);
    revokeForm.set("tokenId", id!);
    const revoked = await callAction<{ ok: boolean }>(a!.base, findAction(root, "revokeApiTokenAction"), {
      path: "/admin",
      args: [null, revokeForm],
      cookie: admin.cookie,
    });
    expect(revoked.status).toBeLessThan(500);
    const refused = await api(b!.base);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ success: false, code: "CONSOLE_UNAUTHENTICATED", errorMsg: "the API token has been revoked" });
  });
});
