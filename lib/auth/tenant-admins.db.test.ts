// Issue 15, finding 8: two admins demoting (or removing, or disabling) each other at once must not
// leave their tenant with no admin. The admin page's changes run with keepAnAdmin.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dbKind, withTestDb } from "@/tests/support/test-db";
import { tenantRole, user as userTable } from "@/lib/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { resetAuthForTests } from "./auth";
import { createUser, grantRole, revokeRole, setDisabled, type Change } from "./users";

const testDb = withTestDb();
const TENANT = "solo";
const by = (username: string): Change => ({ by: { userId: null, username, role: "admin" }, meta: null });
const keep = { keepAnAdmin: true };
let round = 0;
let a = "";
let b = "";

beforeAll(() => {
  resetEnvForTests();
  resetAuthForTests();
});
beforeEach(async () => {
  round++;
  [a, b] = [`ann${round}`, `bob${round}`];
  await testDb.current().db.delete(tenantRole).where(eq(tenantRole.tenantId, TENANT));
  for (const u of [a, b]) {
    await createUser({ username: u, password: "a-long-password-1" }, by("cli"));
    await grantRole(u, TENANT, "admin", by("cli"));
  }
});

async function enabledAdmins(): Promise<number> {
  const [row] = await testDb
    .current()
    .db.select({ n: count() })
    .from(tenantRole)
    .innerJoin(userTable, eq(userTable.id, tenantRole.userId))
    .where(and(eq(tenantRole.tenantId, TENANT), eq(tenantRole.role, "admin"), eq(userTable.disabled, false)));
  return row?.n ?? 0;
}

async function race(first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<PromiseSettledResult<unknown>[]> {
  const settled = await Promise.allSettled([first(), second()]);
  expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
  const [refusal] = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
  expect(String(refusal?.reason)).toMatch(/would be left without an administrator/);
  expect(await enabledAdmins()).toBe(1);
  return settled;
}

describe(`the last admin of a tenant (${dbKind})`, () => {
  it("two admins demoting each other at once: one wins, the tenant keeps an admin", async () => {
    await race(
      () => grantRole(b, TENANT, "viewer", by(a), keep),
      () => grantRole(a, TENANT, "viewer", by(b), keep),
    );
  });

  it("two admins removing each other at once: one wins, the tenant keeps an admin", async () => {
    await race(
      () => revokeRole(b, TENANT, by(a), keep),
      () => revokeRole(a, TENANT, by(b), keep),
    );
  });

  it("two admins disabling each other at once: one wins, the tenant keeps an enabled admin", async () => {
    await race(
      () => setDisabled(b, true, by(a), keep),
      () => setDisabled(a, true, by(b), keep),
    );
  });

  it("a demotion that leaves another admin is allowed; the users CLI is not held to the rule", async () => {
    await grantRole(b, TENANT, "operator", by(a), keep);
    await expect(revokeRole(a, TENANT, by(b), keep)).rejects.toThrow(/without an administrator/);
    await revokeRole(a, TENANT, by("cli"));
    expect(await enabledAdmins()).toBe(0);
  });
});
