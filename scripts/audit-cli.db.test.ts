import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewriteAsOwner } from "@/tests/support/audit-tamper";
import { createTestDatabase, dbKind, serverUrl } from "@/tests/support/test-db";
import { recordAuthEvent } from "@/lib/audit";
import { resetAuthForTests } from "@/lib/auth/auth";
import { closeDb, installDbForTests, openPglite, openPostgres, type DbHandle } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";

// `npm run audit -- checkpoint | verify [--against FILE]` as an operator runs them, in a child
// process, over a database this file writes and then tampers with as its owner would.
const AUDIT_KEY = "audit-key-for-the-cli-test-0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "audit-cli-"));
const file = join(dir, "checkpoints.jsonl");
let url: string | undefined;
let drop: (() => Promise<void>) | undefined;

async function open(): Promise<DbHandle> {
  const handle = url ? await openPostgres(url, 2) : await openPglite(join(dir, "db"));
  installDbForTests(handle);
  return handle;
}

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/audit.ts", ...args], {
    env: { ...env, DATA_DIR: dir, AUDIT_KEY, ...(url ? { DATABASE_URL: url } : {}) },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe(`npm run audit (${dbKind})`, () => {
  beforeAll(async () => {
    process.env.AUDIT_KEY = AUDIT_KEY;
    resetEnvForTests();
    resetAuthForTests();
    if (serverUrl) ({ url, drop } = await createTestDatabase());
    await open();
    for (const username of ["alice", "bob", "carol"]) {
      await recordAuthEvent({ action: "auth.sign_in", userId: username, username, meta: { ip: null, userAgent: "vitest", requestId: username } });
    }
    await closeDb(); // PGlite is one process's: let the CLI open it
  }, 120_000);

  afterAll(async () => {
    await closeDb();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
    delete process.env.AUDIT_KEY;
  }, 60_000);

  it("checkpoint writes signed checkpoints that verify --against accepts", () => {
    const taken = cli("checkpoint", "--out", file);
    expect(taken.code, taken.err).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8").trim())).toMatchObject({ v: 1, tenantId: "_global", seq: 3 });
    const verified = cli("verify", "--against", file);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain("_global: OK, 3 rows");
  }, 240_000);

  it("an edited checkpoint file is refused", () => {
    const original = readFileSync(file, "utf8");
    const edited = join(dir, "edited.jsonl");
    writeFileSync(edited, original.replace(/"seq":3/, '"seq":2'));
    const r = cli("verify", "--against", edited);
    expect(r.code).toBe(1);
    expect(r.err).toContain("refused at line 1: its signature does not match");
  }, 120_000);

  it("a row rewritten by the database owner, hashes recomputed, fails verify", async () => {
    const handle = await open();
    await rewriteAsOwner(handle.db, "_global", 2);
    await closeDb();
    const r = cli("verify");
    expect(r.code).toBe(1);
    expect(r.out).toContain("_global: BROKEN at row");
    expect(r.out).toContain("seq=2");
    expect(r.out).toContain("MAC does not match");
  }, 120_000);
});
