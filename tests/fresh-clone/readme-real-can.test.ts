// The "Pointing at a real CAN" set-up of docs/deploying.md (linked from the README), word for word,
// on a fresh clone of this repository with the machine's own Node and nothing installed: write the
// tenants file, add a user, grant a role, `npm start`, sign in. The sandbox stands in for the real
// CAN; the only words changed are the placeholders (tenant id, CAN address, key, the file's path).
//
// It clones what is committed (HEAD), so run it after committing.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANTS, type DemoKeyTenant } from "@/lib/demo-tenants";
import { signIn } from "../support/action-client";
import { freePort, root, startSandbox, stop, type Proc } from "../support/cluster";

const acme = DEMO_TENANTS.find((t) => t.id === "acme") as DemoKeyTenant;
let sandbox: (Proc & { dir: string }) | undefined;
let work: string;

/** The first fenced json and sh blocks of one section of a guide in the repository. */
function guideBlocks(file: string, heading: string): { json: string; sh: string } {
  const guide = readFileSync(join(root, file), "utf8");
  const start = guide.indexOf(`\n## ${heading}\n`);
  expect(start, `${file} has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = guide.indexOf("\n## ", start + 1);
  const section = guide.slice(start, end === -1 ? undefined : end);
  const block = (lang: string) => {
    const m = new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(section);
    expect(m, `a \`\`\`${lang} block in "${heading}"`).not.toBeNull();
    return m![1]!;
  };
  return { json: block("json"), sh: block("sh") };
}

/** Replaces a placeholder that must be there (a guide edit that drops it should fail here, loudly). */
function replaceAll(text: string, from: string, to: string): string {
  expect(text, `the guide's block contains ${from}`).toContain(from);
  return text.split(from).join(to);
}

/** The caller's environment as a new user would have it: no project tools on PATH, no database. */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, npm_config_prefix: _prefix, ...env } = process.env;
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
  const path = (env.PATH ?? "").split(":").filter((dir) => !dir.includes("node_modules"));
  return { ...env, PATH: path.join(":"), CI: "", ...extra };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "fresh-clone-"));
  const clone = spawnSync("git", ["clone", "--quiet", root, join(work, "console")], { encoding: "utf8" });
  expect(clone.status, clone.stderr).toBe(0);
  sandbox = await startSandbox();
});

afterAll(async () => {
  await stop(sandbox);
  if (sandbox) rmSync(sandbox.dir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("docs/deploying.md: Pointing at a real CAN, on a fresh clone", () => {
  it("adds a user, grants admin, starts, and the user signs in (to enrol two-factor sign-in first)", { timeout: 600_000 }, async () => {
    const dir = join(work, "console");
    const port = await freePort();
    const { json, sh } = guideBlocks("docs/deploying.md", "Pointing at a real CAN");
    const tenantsPath = join(work, "tenants.json");

    const tenantId = /"id":\s*"([^"]+)"/.exec(json)?.[1];
    const baseUrl = /"baseUrl":\s*"([^"]+)"/.exec(json)?.[1];
    expect(tenantId && baseUrl).toBeTruthy();
    let tenants = replaceAll(json, `"${tenantId!}"`, `"${acme.id}"`);
    tenants = replaceAll(tenants, baseUrl!, sandbox!.base);
    // The sandbox speaks plain http, which a tenant must opt into (the guide's example is https).
    tenants = replaceAll(tenants, `"baseUrl":`, `"allowInsecureHttp": true, "baseUrl":`);
    writeFileSync(tenantsPath, tenants);

    let script = replaceAll(sh, "/etc/can-console/tenants.json", tenantsPath);
    script = replaceAll(script, ` ${tenantId!} `, ` ${acme.id} `);
    script = replaceAll(script, "sk-…", acme.authValue);

    const password = "a-long-fresh-clone-password";
    const child = spawn("bash", ["-e", "-c", script], {
      cwd: dir,
      env: newcomerEnv({ PORT: String(port) }),
      stdio: ["pipe", "pipe", "pipe"],
      detached: true,
    });
    child.stdin.end(`${password}\n`);
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    try {
      const ready = await Promise.race([
        new Promise<boolean>((resolve) => {
          const check = setInterval(() => {
            if (/is ready: http/.test(output)) {
              clearInterval(check);
              resolve(true);
            }
          }, 250);
        }),
        exited.then(() => false),
      ]);
      expect(ready, `npm start did not become ready:\n${output.slice(-4000)}`).toBe(true);
      expect(output).not.toMatch(/tsx: not found|command not found/);
      expect(output, "no Next.js warning on start").not.toMatch(/does not work with "output: standalone"/);

      const base = `http://127.0.0.1:${port}`;
      const session = await signIn(dir, base, "alice", password);
      expect(session.error).toBeUndefined();
      expect(session.cookie).toBeTruthy();
      // The guide grants admin, and an administrator enrols two-factor sign-in first (the guide
      // says so): the console sends alice to her settings page, signed in, before the plans.
      const plans = await fetch(`${base}/t/${acme.id}/plans`, { headers: { cookie: session.cookie! }, redirect: "manual" });
      expect(plans.status, `GET /t/${acme.id}/plans answered ${plans.status}`).toBe(307);
      expect(plans.headers.get("location")).toBe("/settings?enroll=required");
      const settings = await fetch(`${base}/settings?enroll=required`, { headers: { cookie: session.cookie! }, redirect: "manual" });
      expect(settings.status).toBe(200);
      // React separates text parts with empty comments; the reader sees them joined.
      const html = (await settings.text()).replaceAll("<!-- -->", "");
      expect(html).toContain("(alice)");
      expect(html).toContain("turn on two-factor sign-in before you use the console");
    } finally {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});
