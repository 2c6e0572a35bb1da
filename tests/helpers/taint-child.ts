// Child process of tests/unit/taint.test.ts (run with the react-server condition and React's
// experimental server build): loads the tenant registry the way the app does, then asks React's
// Flight server (what renders server components and action results for the browser) to serialize
// each credential. Prints one JSON line: what was tainted and what React said.
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { allTenants, tenantSecrets } from "@/lib/tenants";

type Flight = { renderToPipeableStream: (model: unknown, bundlerConfig: unknown, options: { onError: (e: unknown) => void }) => { pipe: (s: NodeJS.WritableStream) => void } };
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
const control = await render({ props: { tenant: tenants[0]?.id, name: tenants[0]?.name } });
console.log(JSON.stringify({ results, control }));
