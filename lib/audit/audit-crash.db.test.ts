import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetAuthForTests } from "@/lib/auth/auth";
import { closeDb, installDbForTests, openPglite, openPostgres, type DbHandle } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createTestDatabase, dbKind, serverUrl } from "@/tests/support/test-db";
import { lastMarksForPlan, listAudit, listAuditForPlan, verifyChain } from "./index";

// A real crash: a child process writes the intent row against the same database and is killed
// with SIGKILL before the outcome. The parent then opens the database and must see the intent,
// shown as unknown (pending), and an intact chain.

let handle: DbHandle;
let dir: string | undefined;
let drop: (() => Promise<void>) | undefined;
let child: { status: number | null; signal: NodeJS.Signals | null; intentId?: string };

beforeAll(async () => {
  resetEnvForTests();
  resetAuthForTests();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  let url: string | undefined;
  if (serverUrl) {
    const created = await createTestDatabase();
    drop = created.drop;
    url = created.url;
    env.DATABASE_URL = url;
  } else {
    dir = mkdtempSync(join(tmpdir(), "audit-crash-"));
    env.DATA_DIR = dir;
  }
  const run = spawnSync(process.execPath, [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/crash-child.ts"], {
    cwd: process.cwd(),
    env,
    encoding: "utf8",
    // The child starts an empty PGlite (initdb) before it writes: a minute or more on a busy machine.
    timeout: 240_000,
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  child = { status: run.status, signal: run.signal, ...(line.startsWith("{") ? (JSON.parse(line) as { intentId: string }) : {}) };
  if (!child.intentId) throw new Error(`crash child wrote no intent: ${run.stderr}`);
  handle = url ? await openPostgres(url, 4) : await openPglite(join(dir!, "db"));
  installDbForTests(handle);
}, 300_000);

afterAll(async () => {
  await closeDb();
  await drop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`an intent without an outcome after a crash (${dbKind})`, () => {
  it("the child really died before writing an outcome", () => {
    // tsx runs the script in a child of its own and reports the signal as exit status 128 + 9.
    expect(child.signal === "SIGKILL" || child.status === 137).toBe(true);
  });

  it("the intent row survived and the chain verifies", async () => {
    const report = await verifyChain(handle.db, "acme");
    expect(report).toMatchObject({ ok: true, rows: 1 });
  });

  it("the audit page shows it as unknown (pending)", async () => {
    const page = await listAudit("acme", {}, {}, 10);
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ id: child.intentId, outcome: "unknown", pending: true, partitionCount: 4, planName: "crash_daily" });
    const filtered = await listAudit("acme", { outcome: "unknown" }, {}, 10);
    expect(filtered.entries.map((e) => e.id)).toEqual([child.intentId]);
    expect((await listAudit("acme", { outcome: "ok" }, {}, 10)).entries).toHaveLength(0);
    expect((await listAuditForPlan("acme", "plan-crash", 10))[0]).toMatchObject({ outcome: "unknown", pending: true });
  });

  it("the status model gets its partitions as last marked, flagged unknown", async () => {
    const marks = await lastMarksForPlan("acme", "plan-crash");
    expect(marks.map((m) => [m.key, m.status, m.outcome])).toEqual([
      ["2026-03-01", "failed", "unknown"],
      ["2026-03-02", "failed", "unknown"],
      ["2026-03-03", "failed", "unknown"],
      ["2026-03-04", "failed", "unknown"],
    ]);
  });
});
