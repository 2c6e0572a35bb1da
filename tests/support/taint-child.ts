// Child process of tests/unit/taint.test.ts (run with the react-server condition and React's
// experimental server build): loads the tenant registry the way the app does, then asks React's
// Flight server (what renders server components and action results for the browser) to serialize
// each credential. Prints one JSON line: what was tainted and what React said.
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPlan } from "@/lib/can/plans";
import { allTenants, tenantSecrets } from "@/lib/tenants";
import { planUuid } from "@/sandbox/prng";
import { startSandbox } from "@/sandbox/server";

type Flight = {
  renderToPipeableStream: (model: unknown, bundlerConfig: unknown, options: { onError: (e: unknown) => void }) => { pipe: (s: NodeJS.WritableStream) => void };
};
const require = createRequire(import.meta.url);
const flight = require("next/dist/compiled/react-server-dom-turbopack-experimental/server.node") as Flight;

function render(model: unknown): Promise<{ errors: string[]; output: string }> {
  return new Promise((resolve) => {
    const errors: string[] = [];
    const sink = new PassThrough();
    let output = "";
    sink.on("data", (c: Buffer) => (output += c.toString()));
    sink.on("end", () => resolve({ errors, output }));
    flight.renderToPipeableStream(model, {}, { onError: (e) => void errors.push(e instanceof Error ? e.message : String(e)) }).pipe(sink);
  });
}

const tenants = allTenants();
const results = [];
for (const t of tenants) {
  for (const value of tenantSecrets(t)) {
    const secret = await render({ props: { tenant: t.id, credential: value } });
    const copy = await render({ props: { credential: `${value}`.slice(0) } });
    results.push({ tenant: t.id, errors: secret.errors, leaked: secret.output.includes(value) || copy.output.includes(value), copyErrors: copy.errors });
  }
}
// A token lib/can obtained for an app-credential tenant, from a sandbox of its own.
const dataDir = await mkdtemp(path.join(tmpdir(), "taint-child-"));
const sandbox = await startSandbox({ port: 0, dataDir, log: () => undefined });
const appTenant = tenants.find((t) => t.app !== undefined);
if (appTenant?.app) {
  await getPlan({ ...appTenant, baseUrl: sandbox.url }, planUuid(appTenant.id, "shipments_daily"), { timeoutMs: 5_000 });
  const [issued] = (await (await fetch(`${sandbox.url}/__sandbox/tokens`)).json()) as { token: string }[];
  const token = issued?.token ?? "(none issued)";
  const rendered = await render({ props: { credential: token } });
  const copy = await render({ props: { credential: `${token}`.slice(0) } });
  results.push({
    tenant: `${appTenant.id} token`,
    errors: rendered.errors,
    leaked: rendered.output.includes(token) || copy.output.includes(token),
    copyErrors: copy.errors,
  });
}
await sandbox.close();
await rm(dataDir, { recursive: true, force: true });
const control = await render({ props: { tenant: tenants[0]?.id, name: tenants[0]?.name } });
console.log(JSON.stringify({ results, control }));
