import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { callAction, findAction } from "./action-client";
import { checkFinalState, type AckedMark, type LedgerProblem, type PartitionState } from "./mark-ledger";
import { sandboxControl, type SandboxPlanState } from "./sandbox-control";
import { root } from "./cluster";

// Database and action plumbing shared by the multi-instance tests.

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The multi-instance tests need a PostgreSQL server: set DATABASE_URL (npm test starts one).");
  return url;
}

/** A fresh database on the server, so every run starts from nothing. */
export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `instances_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type AuditRow = {
  id: string;
  phase: string;
  intent_id: string | null;
  outcome: string | null;
  request_id: string | null;
  action: string;
  outcome_detail: unknown;
};

export async function auditRows(databaseUrl: string, tenant: string): Promise<AuditRow[]> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const res = await c.query<AuditRow>(
      "select id, phase, intent_id, outcome, request_id, action, outcome_detail from audit_log where tenant_id = $1 order by seq",
      [tenant],
    );
    return res.rows;
  } finally {
    await c.end();
  }
}

/** Intents whose outcome row is missing, and intents with more than one outcome. */
export function unpairedIntents(rows: readonly AuditRow[]): { missing: string[]; doubled: string[] } {
  const outcomes = new Map<string, number>();
  for (const r of rows) if (r.phase === "outcome" && r.intent_id) outcomes.set(r.intent_id, (outcomes.get(r.intent_id) ?? 0) + 1);
  const intents = rows.filter((r) => r.phase === "intent");
  return {
    missing: intents.filter((r) => !outcomes.has(r.id)).map((r) => r.id),
    doubled: intents.filter((r) => (outcomes.get(r.id) ?? 0) > 1).map((r) => r.id),
  };
}

/** `npm run audit -- verify` against the database: exit code and what it printed. */
export async function verifyAuditChains(databaseUrl: string): Promise<{ code: number; output: string }> {
  const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/audit.ts", "verify"], {
      cwd: root,
      env: { ...env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

export type MarkResult = { ok: boolean; data?: { requestId: string }; error?: { code: string; message: string } };

export type MarkRequest = { tenant: string; planUuid: string; planName: string; start: string; end: string; result: PartitionState };

/** One mark as the calendar sends it: success/failed through markPartitions, missing through clearPartitions. */
export async function mark(base: string, cookie: string, req: MarkRequest): Promise<MarkResult> {
  const range = { start: req.start, end: req.end };
  const common = { tenantId: req.tenant, planUuid: req.planUuid, granularity: "DAY", confirmName: req.planName };
  const [name, input] =
    req.result === "missing"
      ? (["clearPartitionsAction", { ...common, ranges: [range] }] as const)
      : (["markPartitionsAction", { ...common, [req.result]: [range] }] as const);
  const answer = await callAction<MarkResult>(base, findAction(root, name), { path: `/t/${req.tenant}/plans/${req.planUuid}`, cookie, args: [input] });
  if (!answer.value) throw new Error(`${name} answered HTTP ${answer.status}: ${(answer.body ?? "").slice(0, 200)}`);
  return answer.value;
}

export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export type MarksCheck = {
  /** Partitions whose final state no acknowledged mark allows. */
  ledger: LedgerProblem[];
  /** Acknowledged actions without exactly one intent and one `ok` outcome row. */
  actionsNotPaired: string[];
  unpaired: { missing: string[]; doubled: string[] };
  verified: { code: number; output: string };
  auditRowCount: number;
};

/**
 * After many marks of one plan: the sandbox's final state against the acknowledged marks, the audit
 * rows of every acknowledged action, intents without (or with two) outcomes, and the chains.
 */
export async function checkMarks(run: {
  sandboxBase: string;
  databaseUrl: string;
  tenant: string;
  planUuid: string;
  keys: readonly string[];
  before: SandboxPlanState["partitions"];
  acked: readonly AckedMark[];
  requestIds: readonly string[];
}): Promise<MarksCheck> {
  const state = (p: SandboxPlanState["partitions"]) => (key: string) => p[key]?.status ?? "missing";
  const after = (await sandboxControl(run.sandboxBase).state(run.tenant, run.planUuid)).partitions;
  const rows = await auditRows(run.databaseUrl, run.tenant);
  const byRequest = new Map<string, string[]>();
  for (const r of rows) if (r.request_id) byRequest.set(r.request_id, [...(byRequest.get(r.request_id) ?? []), `${r.phase}:${r.outcome ?? ""}`]);
  return {
    ledger: checkFinalState(run.keys, state(run.before), state(after), run.acked),
    actionsNotPaired: run.requestIds.filter((id) => (byRequest.get(id) ?? []).sort().join(",") !== "intent:,outcome:ok"),
    unpaired: unpairedIntents(rows),
    verified: await verifyAuditChains(run.databaseUrl),
    auditRowCount: rows.length,
  };
}
