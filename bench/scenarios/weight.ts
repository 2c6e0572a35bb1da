// Scenario 5: what a page costs to ship and the server to hold. JS: every external script the served
// HTML pulls in, fetched and gzipped here (level 6, what `next start` compresses with). Payload: the
// 10-year plan's status as the route handler sends it. Memory: VmRSS of the app's process tree after
// ten server renders of the 10-year plan.
import { gzipSync } from "node:zlib";
import type { BenchContext } from "../context";
import { BIG_PLAN, TENANT } from "../plans";
import { processTree } from "../services";
import { atMost, figure } from "../report";
import { round } from "../stats";

const SCENARIO = "5 weight";
const kB = (bytes: number) => round(bytes / 1000, 1);

async function get(ctx: BenchContext, path: string): Promise<Buffer> {
  const res = await fetch(`${ctx.appUrl}${path}`, { headers: { cookie: ctx.session.header } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

async function scriptWeight(ctx: BenchContext, path: string): Promise<{ gzip: number; raw: number; count: number; htmlGzip: number; inline: number }> {
  const html = (await get(ctx, path)).toString("utf8");
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&")))];
  let gzip = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = await get(ctx, src.startsWith("http") ? new URL(src).pathname : src);
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + (m[1]?.length ?? 0), 0);
  return { gzip, raw, count: srcs.length, htmlGzip: gzipSync(Buffer.from(html)).length, inline };
}

export async function weight(ctx: BenchContext): Promise<void> {
  await ctx.sandbox.setLatency(0);
  for (const [name, path] of [["plans page", `/t/${TENANT}/plans`], ["plan page (10 y)", `/t/${TENANT}/plans/${BIG_PLAN.uuid}`]] as const) {
    const w = await scriptWeight(ctx, path);
    ctx.add(figure({ scenario: SCENARIO, figure: `JS, ${name}`, unit: "kB gzip", value: kB(w.gzip), runs: 1, budget: atMost(250), note: `${w.count} scripts, ${kB(w.raw)} kB raw; the HTML itself is ${kB(w.htmlGzip)} kB gzip with ${kB(w.inline)} kB of inline script (RSC payload)` }));
  }

  const payload = await get(ctx, `/api/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
  const body = JSON.parse(payload.toString("utf8")) as { data?: { runs?: unknown[]; lastChanges?: unknown[] } };
  ctx.add(figure({ scenario: SCENARIO, figure: "status payload, 10-year plan", unit: "kB gzip", value: kB(gzipSync(payload).length), runs: 1, budget: atMost(50), note: `${kB(payload.length)} kB raw, ${body.data?.runs?.length ?? "?"} runs` }));

  await ctx.sandbox.setLatency(50);
  for (let i = 0; i < 10; i++) await get(ctx, `/t/${TENANT}/plans/${BIG_PLAN.uuid}`);
  const tree = processTree(ctx.appPid);
  const total = tree.reduce((n, p) => n + p.rssKiB, 0);
  const biggest = [...tree].sort((a, b) => b.rssKiB - a.rssKiB)[0];
  ctx.add(figure({ scenario: SCENARIO, figure: "app resident memory after 10 loads", unit: "MB", value: round(total / 1024, 0), runs: 1, budget: atMost(1_536), note: `${tree.length} processes; largest ${biggest ? `${biggest.name.slice(0, 40)} ${round(biggest.rssKiB / 1024, 0)} MB` : "—"}` }));
}
