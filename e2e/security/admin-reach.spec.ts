import { callAction, findAction, signIn } from "../../tests/support/action-client";
import { expect, test } from "../fixtures";
import { AdminPage } from "../pages/admin-page";
import { APP_BASE, APP_ROOT } from "../../tests/support/http-client";

// An admin's reach ends at their tenant (issue 15, finding 8). An admin of acme only learns nothing
// about accounts outside acme from the admin page's actions, and cannot sign out everywhere someone
// who also works in globex. The demo admin (admin of both) sets the people up on the page and still
// can. The acme admin's calls are posted over HTTP, as a hand-written request would be.

type Answer = { ok: boolean; data?: string; error?: { code: string; message: string } };
const IP = "10.77.0.1";
const PASSWORD = "reach-password-123";
const suffix = Date.now().toString(36);
const ann = `reach_ann_${suffix}`; // admin of acme only
const gina = `reach_gina_${suffix}`; // viewer of globex only: exists, but not in acme
const both = `reach_both_${suffix}`; // viewer in acme and in globex
const nobody = `reach_nobody_${suffix}`; // no account at all

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/**
 * A refusal decodes as a plain result. A change that went through re-renders the admin page in the
 * same answer (revalidatePath), whose client components this decoder cannot load: that is reported
 * as success, so a check that should have refused fails below on `ok`.
 */
async function act(cookie: string, name: string, fields: Record<string, string>): Promise<Answer> {
  try {
    const answer = await callAction<Answer>(APP_BASE, findAction(APP_ROOT, name), {
      path: "/admin",
      args: [null, form(fields)],
      cookie,
      headers: { "x-forwarded-for": IP },
    });
    expect(answer.status).toBe(200);
    return answer.value!;
  } catch (e) {
    if (e instanceof Error && /React Server Consumer Manifest/.test(e.message)) return { ok: true, data: "(went through: the page re-rendered)" };
    throw e;
  }
}

async function cookieOf(username: string): Promise<string> {
  const result = await signIn(APP_ROOT, APP_BASE, username, PASSWORD, { "x-forwarded-for": IP });
  expect(result.cookie, `sign-in of ${username}: ${result.error ?? result.status}`).toBeTruthy();
  return result.cookie!;
}

const signedIn = async (cookie: string) => (await fetch(`${APP_BASE}/t/acme/plans`, { headers: { cookie }, redirect: "manual" })).status === 200;

test("an admin of one tenant cannot enumerate accounts of another, nor sign out everywhere someone who works elsewhere too", async ({ page }) => {
  test.setTimeout(90_000);
  const admin = new AdminPage(page);
  await admin.goto();
  const people: [string, string, string, string | undefined][] = [
    [ann, "Acme Retail", "admin", PASSWORD],
    [gina, "Globex Logistics", "viewer", PASSWORD],
    [both, "Acme Retail", "viewer", PASSWORD],
    [both, "Globex Logistics", "viewer", undefined],
  ];
  for (const [username, tenant, role, password] of people) {
    await admin.addPerson(tenant, { username, role, ...(password ? { password } : {}) });
    await expect(admin.lastResult.getByRole("status")).toContainText(`${username} is now ${role} in ${tenant}`);
  }
  const annCookie = await cookieOf(ann);

  // Adding without a password: one answer whether the name exists in another tenant or nowhere.
  const addGina = await act(annCookie, "saveRoleAction", { tenantId: "acme", username: gina, role: "viewer" });
  const addNobody = await act(annCookie, "saveRoleAction", { tenantId: "acme", username: nobody, role: "viewer" });
  expect(addGina.ok).toBe(false);
  expect({ ...addGina, error: { ...addGina.error, message: addGina.error?.message.replaceAll(gina, "X") } }).toEqual({
    ...addNobody,
    error: { ...addNobody.error, message: addNobody.error?.message.replaceAll(nobody, "X") },
  });

  // Removing or signing out someone outside acme: "Not found." either way.
  for (const name of ["revokeRoleAction", "revokeSessionsAction", "setDisabledAction"]) {
    const fields: Record<string, string> = name === "setDisabledAction" ? { disabled: "true" } : {};
    const answers = [gina, nobody].map((username) => act(annCookie, name, { tenantId: "acme", username, ...fields }));
    for (const a of await Promise.all(answers)) expect(a, name).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Not found." } });
  }

  // "Sign out everywhere" of someone who also works in globex: refused, their session lives on.
  const bothCookie = await cookieOf(both);
  const refused = await act(annCookie, "revokeSessionsAction", { tenantId: "acme", username: both });
  expect(refused.ok).toBe(false);
  expect(refused.error?.message).toMatch(/a tenant you do not administer/);
  expect(refused.error?.message).not.toMatch(/globex|Globex/);
  expect(await signedIn(bothCookie)).toBe(true);

  // An admin of every tenant the person works in may.
  await admin.goto();
  await admin
    .people("Acme Retail")
    .getByRole("button", { name: `Sign out everywhere: ${both}` })
    .click();
  await admin.confirmation.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.lastResult.getByRole("status")).toContainText(`${both}: 1 session ended`);
  expect(await signedIn(bothCookie)).toBe(false);
});
