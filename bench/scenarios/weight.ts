// Scenario 5: what a page costs to ship. JS: every external script the served
// HTML pulls in (noModule polyfills aside: modern browsers skip them), fetched and gzipped here
// (level 6, what `next start` compresses with). Payload: the
// 10-year plan's status as the route handler sends it. The server's memory is scenario 11 (memory.ts).
import { gzipSync } from "node:zlib";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { atMost, figure } from "../report";
import { round } from "../stats";

const SCENARIO = "5 weight";
const kB = (bytes: number) => round(bytes / 1000, 1);

async function get(ctx: BenchContext, path: string): Promise<Buffer> {
  const res = await fetch(`${ctx.appUrl}${path}`, { headers: { cookie: ctx.session.header } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

// Markers that say what a chunk mostly is, for the note (chunk names are content hashes).
const MARKERS: [RegExp, string][] = [
  [/react-dom|__reactFiber/, "react-dom"],
  [/rdp-/, "react-day-picker"],
  [/QueryClient|queryCache/, "react-query"],
  [/ZodError|_zod/, "zod"],
  [/__next_f|nextjs|NEXT_REDIRECT/, "next"],
];
const describe = (body: Buffer): string =>
  MARKERS.filter(([re]) => re.test(body.toString("latin1")))
    .map(([, name]) => name)
    .slice(0, 2)
    .join("+") || "app";

async function scriptWeight(
  ctx: BenchContext,
  path: string,
): Promise<{ gzip: number; raw: number; count: number; skipped: number; htmlGzip: number; inline: number; largest: string }> {
  const html = (await get(ctx, path)).toString("utf8");
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)];
  // noModule scripts (Next's legacy polyfills) are never fetched by a browser that runs modules.
  const skipped = tags.filter((m) => /\snomodule/i.test(m[0])).length;
  const srcs = [...new Set(tags.filter((m) => !/\snomodule/i.test(m[0])).map((m) => (m[1] ?? "").replace(/&amp;/g, "&")))];
  let gzip = 0;
  let raw = 0;
  const sizes: { name: string; gzip: number }[] = [];
  for (const src of srcs) {
    const body = await get(ctx, src.startsWith("http") ? new URL(src).pathname : src);
    const zipped = gzipSync(body).length;
    raw += body.length;
    gzip += zipped;
    sizes.push({ name: `${src.replace(/.*\//, "")} (${describe(body)})`, gzip: zipped });
  }
  const largest = sizes
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 3)
    .map((x) => `${x.name} ${kB(x.gzip)} kB`)
    .join(", ");
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
  return { gzip, raw, count: srcs.length, skipped, htmlGzip: gzipSync(Buffer.from(html)).length, inline, largest };
}

export async function weight(ctx: BenchContext): Promise<void> {
  await ctx.sandbox.configure({ latencyMs: 0 });
  for (const [name, path] of [
    ["plans page", `/t/${TENANT}/plans`],
    ["plan page (10 y)", `/t/${TENANT}/plans/${BIG_PLAN.uuid}`],
  ] as const) {
    const w = await scriptWeight(ctx, path);
    ctx.add(
      figure({
        scenario: SCENARIO,
        figure: `JS, ${name}`,
        unit: "kB gzip",
        value: kB(w.gzip),
        runs: 1,
        budget: atMost(160), // issue 23 (250 before)
        note: `${w.count} scripts (not counting ${w.skipped} noModule), ${kB(w.raw)} kB raw; largest ${w.largest}; the HTML itself is ${kB(w.htmlGzip)} kB gzip with ${kB(w.inline)} kB of inline script (RSC payload)`,
      }),
    );
  }

  const payload = await get(ctx, `/api/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
  const body = JSON.parse(payload.toString("utf8")) as { data?: { runs?: unknown[]; lastChanges?: unknown[] } };
  ctx.add(
    figure({
      scenario: SCENARIO,
      figure: "status payload, 10-year plan",
      unit: "kB gzip",
      value: kB(gzipSync(payload).length),
      runs: 1,
      budget: atMost(50),
      note: `${kB(payload.length)} kB raw, ${body.data?.runs?.length ?? "?"} runs`,
    }),
  );
}
