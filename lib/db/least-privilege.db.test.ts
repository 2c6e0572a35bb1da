import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "@/tests/support/test-db";
import { intentFor } from "@/tests/support/audit-fixtures";
import { rewriteAsOwner } from "@/tests/support/audit-tamper";
import { passwordStep } from "@/tests/support/auth-helpers";
import { recordMarkIntent, recordMarkOutcome, takeCheckpoints, verifyAll, verifyChain } from "@/lib/audit";
import { resetAuthForTests } from "@/lib/auth/auth";
import { createUser, grantRole, type Change } from "@/lib/auth/users";
import { closeDb, installDbForTests, openPostgres, type DbHandle } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";

// The least-privilege set-up of docs/postgres-roles.sql, applied with psql exactly as docs/deploying.md
// says, on the PostgreSQL server of npm test's second pass (PGlite has one role: nothing to test).
const suffix = randomBytes(4).toString("hex");
const names = { owner: `cc_owner_${suffix}`, app: `cc_app_${suffix}`, db: `cc_db_${suffix}` };
const CLI: Change = { by: { userId: null, username: "cli:test", role: null }, meta: null };

function psqlBinary(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(base, v, "bin", "psql")).find((p) => existsSync(p));
  return found ?? "psql";
}

function urlAs(user: string): string {
  const url = new URL(serverUrl ?? "postgres://localhost");
  url.username = user;
  url.password = "test-password";
  url.pathname = `/${names.db}`;
  return url.toString();
}

async function asRuntime(statement: string): Promise<string> {
  const { Client } = await import("pg");
  const c = new Client({ connectionString: urlAs(names.app) });
  await c.connect();
  try {
    await c.query(statement);
    return "allowed";
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end();
  }
}

describe.skipIf(!serverUrl)("least-privilege PostgreSQL roles (docs/postgres-roles.sql)", () => {
  let app: DbHandle | undefined;

  beforeAll(async () => {
    execFileSync(
      psqlBinary(),
      [
        serverUrl!,
        "-q",
        "-v",
        `owner=${names.owner}`,
        "-v",
        `app=${names.app}`,
        "-v",
        `db=${names.db}`,
        "-v",
        "owner_password=test-password",
        "-v",
        "app_password=test-password",
        "-f",
        "docs/postgres-roles.sql",
      ],
      { stdio: "pipe" },
    );
    resetEnvForTests();
    resetAuthForTests();
    // `npm run db:migrate` as the migration role, then the instances as the runtime role.
    const owner = await openPostgres(urlAs(names.owner), 2);
    await owner.close();
    app = await openPostgres(urlAs(names.app), 4);
    installDbForTests(app);
  }, 120_000);

  afterAll(async () => {
    await closeDb();
    const { Client } = await import("pg");
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${names.db} with (force)`);
    await c.query(`drop role if exists ${names.app}`);
    await c.query(`drop role if exists ${names.owner}`);
    await c.end();
  }, 60_000);

  it("the app works as the runtime role: it starts without migrating, signs in, marks, audits, verifies, checkpoints", async () => {
    await createUser({ username: "lp_operator", password: "a-long-password-1" }, CLI);
    await grantRole("lp_operator", "acme", "operator", CLI);
    expect((await passwordStep("lp_operator", "a-long-password-1")).kind).toBe("signed-in");
    const intent = intentFor();
    const { intentId } = await recordMarkIntent(intent);
    await recordMarkOutcome(intentId, intent, { outcome: "ok" });
    const reports = await verifyAll(app!.db);
    expect(reports.map((r) => r.tenantId)).toEqual(["_global", "acme"]);
    expect(reports.every((r) => r.ok)).toBe(true);
    expect((await takeCheckpoints(app!.db, CLI.by)).checkpoints).toHaveLength(2);
    expect(await asRuntime("select count(*) from audit_log")).toBe("allowed");
  });

  it("the migration role, which owns audit_log, can switch its trigger off and rewrite a row with every hash recomputed: verify names the row", async () => {
    const owner = await openPostgres(urlAs(names.owner), 2);
    try {
      await rewriteAsOwner(owner.db, "acme", 1, { disableTrigger: true });
    } finally {
      await owner.close();
    }
    const report = await verifyChain(app!.db, "acme");
    expect(report.problem).toMatchObject({ seq: 1, what: expect.stringContaining("MAC does not match") });
  });

  const refused: [string, RegExp][] = [
    ["alter table audit_log disable trigger audit_log_no_update_delete", /must be owner/],
    ["alter table audit_log disable trigger all", /must be owner/],
    ["update audit_log set actor_username = 'mallory'", /permission denied for table audit_log/],
    ["delete from audit_log", /permission denied for table audit_log/],
    ["truncate audit_log", /permission denied for table audit_log/],
    ["delete from audit_chain_head", /permission denied for table audit_chain_head/],
    ["truncate audit_chain_head", /permission denied for table audit_chain_head/],
    ["set session_replication_role = replica", /permission denied/],
    ["drop table audit_log", /must be owner/],
    ["drop trigger audit_log_no_truncate on audit_log", /must be owner/],
  ];
  for (const [statement, why] of refused) {
    it(`the runtime role is refused: ${statement}`, async () => {
      expect(await asRuntime(statement)).toMatch(why);
    });
  }
});
