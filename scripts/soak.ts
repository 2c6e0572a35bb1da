// `npm run soak [-- --seconds 60 --operators 20]`: simulated operators mark overlapping ranges of
// one plan through two app instances over one PostgreSQL database for a bounded time, on loopback
// only. Then: every action has exactly one intent and one outcome row, the sandbox's final state is
// what the acknowledged marks allow (tests/support/mark-ledger.ts), the audit chains verify, and no
// request failed that the operator did not cause. Prints the figures; exits 1 when one check fails.
import { parseArgs } from "node:util";
import { signIn } from "../tests/support/action-client";
import type { AckedMark, PartitionState } from "../tests/support/mark-ledger";
import { sandboxControl } from "../tests/support/sandbox-control";
import { root, startInstance, startSandbox, stop, type Proc } from "../tests/support/cluster";
import { checkMarks, createDatabase, daysBetween, mark } from "../tests/support/instance-checks";
import { buildIfStale } from "../tests/support/build-stamp";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../tests/support/postgres";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "60" }, operators: { type: "string", default: "20" } } });
const seconds = Math.min(600, Math.max(5, Number(values.seconds)));
const operators = Math.min(100, Math.max(2, Number(values.operators)));
const TENANT = "acme";
const PLAN = "orders_daily";
const WINDOW = daysBetween("2026-09-01", "2026-10-30"); // 60 days, so ranges overlap often

async function main(): Promise<number> {
  if ((await buildIfStale(root, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, "[soak] ")) !== 0) return 1;
  let pg: ThrowawayPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    pg = await startThrowawayPostgres();
    if (!pg) throw new Error("no PostgreSQL server: set DATABASE_URL or install Debian's postgresql");
    process.env.DATABASE_URL = pg.url;
  }
  const database = await createDatabase();
  const sandbox = await startSandbox();
  const instances: Proc[] = [];
  try {
    // Twenty sessions over two demo accounts: more sign-ins per account than the default limit allows.
    const options = { databaseUrl: database.url, sandboxUrl: sandbox.base, env: { SIGNIN_MAX_PER_ACCOUNT: String(operators * 2) } };
    instances.push(...(await Promise.all([startInstance("A", options), startInstance("B", options)])));
    return await soak(sandbox.base, instances, database.url);
  } finally {
    await Promise.all([...instances.map(stop), stop(sandbox)]);
    await database.drop();
    await pg?.stop();
  }
}

async function soak(sandboxBase: string, instances: Proc[], databaseUrl: string): Promise<number> {
  const control = sandboxControl(sandboxBase);
  const uuid = (await control.planByName(TENANT, PLAN)).uuid;
  const before = (await control.state(TENANT, uuid)).partitions;
  const accounts = ["operator", "admin"];
  const cookies = await Promise.all(
    Array.from({ length: operators }, async (_, i) => {
      const session = await signIn(root, instances[i % instances.length]!.base, accounts[i % 2]!, "demo-password", {
        "x-forwarded-for": `10.9.${i >> 8}.${i & 255}`,
      });
      if (!session.cookie) throw new Error(`operator ${i} could not sign in: ${session.error ?? "no cookie"}`);
      return session.cookie;
    }),
  );

  const acked: AckedMark[] = [];
  const requestIds: string[] = [];
  const failures: string[] = [];
  const latencies: number[] = [];
  const results: PartitionState[] = ["success", "failed", "missing"];
  const deadline = performance.now() + seconds * 1_000;
  console.log(`[soak] ${operators} operators, ${seconds} s, two instances, plan ${PLAN}, ${WINDOW.length} days`);

  await Promise.all(
    cookies.map(async (cookie, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const first = Math.floor(Math.random() * (WINDOW.length - 5));
        const span = WINDOW.slice(first, first + 1 + Math.floor(Math.random() * 5));
        const result = results[Math.floor(Math.random() * 3)]!;
        const base = instances[(w + i) % instances.length]!.base;
        const sentAt = performance.now();
        try {
          const answer = await mark(base, cookie, { tenant: TENANT, planUuid: uuid, planName: PLAN, start: span[0]!, end: span.at(-1)!, result });
          const ackedAt = performance.now();
          latencies.push(ackedAt - sentAt);
          if (!answer.ok) failures.push(`${answer.error?.code}: ${answer.error?.message}`);
          else {
            acked.push({ id: `${w}.${i}`, keys: span, result, sentAt, ackedAt });
            if (answer.data) requestIds.push(answer.data.requestId);
          }
        } catch (e) {
          failures.push(e instanceof Error ? e.message : String(e));
        }
      }
    }),
  );

  const check = await checkMarks({ sandboxBase, databaseUrl, tenant: TENANT, planUuid: uuid, keys: WINDOW, before, acked, requestIds });

  latencies.sort((x, y) => x - y);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? 0);
  const { ledger, actionsNotPaired, unpaired, verified } = check;
  const lost = unpaired.missing.length;
  console.log(
    `[soak] marks served: ${acked.length + failures.length} (${((acked.length + failures.length) / seconds).toFixed(1)}/s), acknowledged ${acked.length}, errors ${failures.length}`,
  );
  console.log(`[soak] latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
  console.log(
    `[soak] audit rows ${check.auditRowCount}; actions without exactly one intent + one ok outcome: ${actionsNotPaired.length}; intents without outcome (lost records): ${lost}; doubled: ${unpaired.doubled.length}`,
  );
  console.log(`[soak] partitions not matching the last acknowledged marks: ${ledger.length}`);
  console.log(`[soak] audit verify: ${verified.code === 0 ? "OK" : "FAILED"}`);
  for (const f of failures.slice(0, 5)) console.log(`[soak]   error: ${f}`);
  for (const p of ledger.slice(0, 5)) console.log(`[soak]   ${p.key}: ${p.final}, allowed ${p.allowed.join("/")}`);
  if (verified.code !== 0) console.log(verified.output);
  const ok =
    failures.length === 0 &&
    actionsNotPaired.length === 0 &&
    lost === 0 &&
    unpaired.doubled.length === 0 &&
    ledger.length === 0 &&
    verified.code === 0 &&
    acked.length > 0;
  console.log(`[soak] ${ok ? "PASSED" : "FAILED"}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[soak] could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
