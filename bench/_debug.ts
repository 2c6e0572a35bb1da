import { join } from "node:path";
import { launchBrowser } from "./browser";
import type { BenchContext } from "./context";
import { marking } from "./scenarios/marking";
import { SandboxControl, freePort, startService, waitForHttp } from "./services";
import { signIn } from "./session";
const root = process.cwd();
const sp = await freePort(); const ap = await freePort();
const su = `http://127.0.0.1:${sp}`, au = `http://127.0.0.1:${ap}`;
const env = { ...process.env }; delete env.DATA_DIR;
const sb = startService("sandbox", su, "npx", ["tsx", "sandbox/main.ts", "--port", String(sp), "--data-dir", join(root, ".data/benchdbg"), "--reset"], env, false);
const app = startService("app", au, "node", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(ap)], { ...env, SANDBOX_URL: su, PUBLIC_URL: au, DATA_DIR: join(root, ".data/benchdbg/app"), NODE_OPTIONS: "--cpu-prof --cpu-prof-dir=/tmp/profmark" }, false);
try {
  await waitForHttp(`${su}/__sandbox/health`, 60000, sb.alive); await waitForHttp(`${au}/api/health`, 120000, app.alive);
  const s = await signIn(au, "operator", "demo-password");
  const b = await launchBrowser();
  const figs: unknown[] = [];
  const ctx: BenchContext = { appUrl: au, sandbox: new SandboxControl(su), appPid: 0, quick: false, session: s, browser: b, deadline: Date.now() + 1e6, log: console.log, add: (f) => figs.push(f) };
  await marking(ctx, b, [{ latencyMs: 0, marks: 4 }]);
  console.log(JSON.stringify(figs, null, 1));
  await b.close();
} catch (e) { console.log("ERR", e); } finally { await app.stop(); await sb.stop(); }
