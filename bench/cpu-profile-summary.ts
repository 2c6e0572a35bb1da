// `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [--top=N]`: where a profiled app's time went
// (bench/cpu-profile.ts records one), by self time per area of the code (PGlite, drizzle, Next, the
// app's own bundle, Node, GC…) and by the top functions' self and subtree time.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** The area a frame belongs to, from its script's path (first match wins). */
const AREAS: [string, RegExp][] = [
  ["PGlite", /@electric-sql\/pglite|pglite|^wasm:/i],
  ["drizzle", /drizzle-orm/],
  ["zod", /[/\\]zod[/\\]/],
  ["next", /next[/\\]dist/],
  ["react", /react-dom|react-server|[/\\]react[/\\]/],
  ["otel", /opentelemetry/],
  ["app bundle", /\.next[/\\]server/],
  ["node", /^node:|^internal[/\\]/],
];

function areaOf(f: Frame): string {
  if (f.url === "")
    return f.functionName === "(garbage collector)" ? "gc" : f.functionName === "(idle)" ? "idle" : f.functionName === "(program)" ? "program" : "native";
  return AREAS.find(([, re]) => re.test(f.url))?.[0] ?? "other";
}

const [path, ...rest] = process.argv.slice(2);
if (!path) throw new Error("usage: cpu-profile-summary <file.cpuprofile> [--top=N]");
const top = Number(rest.find((a) => a.startsWith("--top="))?.slice(6) ?? 40);
const p = JSON.parse(readFileSync(path, "utf8")) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, v]) => a + v, 0);
const busy = total - idle;
const pct = (ms: number) => `${((ms / busy) * 100).toFixed(1)} %`;
console.log(`profile ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s, busy ${(busy / 1000).toFixed(2)} s (idle ${(idle / 1000).toFixed(2)} s)`);

const areas = new Map<string, number>();
for (const [id, ms] of self) {
  const a = areaOf(byId.get(id)!.callFrame);
  if (a !== "idle") areas.set(a, (areas.get(a) ?? 0) + ms);
}
console.log("\nself time by area");
for (const [a, ms] of [...areas].sort((x, y) => y[1] - x[1])) console.log(`  ${a.padEnd(12)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${pct(ms)}`);

// The build's server chunks are minified: their source maps name the file a frame came from.
const maps = new Map<string, SourceMap | null>();
function mapFor(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = url.startsWith("file:") ? fileURLToPath(url) : url;
    const payload = existsSync(`${file}.map`) ? (JSON.parse(readFileSync(`${file}.map`, "utf8")) as object) : null;
    maps.set(url, payload && ("mappings" in payload || "sections" in payload) ? new SourceMap(payload as ConstructorParameters<typeof SourceMap>[0]) : null);
  }
  return maps.get(url) ?? null;
}
function where(f: Frame): string {
  const entry = /\.next[/\\]server/.test(f.url) ? mapFor(f.url)?.findEntry(f.lineNumber, f.columnNumber) : undefined;
  if (entry && typeof (entry as { originalSource?: unknown }).originalSource === "string")
    return `${(entry as { originalSource: string }).originalSource.replace(/^(\.\.\/)+/, "").replace(/^.*\[project\]\//, "")}:${(entry as { originalLine: number }).originalLine + 1}`;
  return `${f.url.replace(/^.*node_modules[/\\]/, "").replace(/^.*\.next[/\\]/, ".next/")}:${f.lineNumber + 1}`;
}
// Per function (name + source + line): self, and subtree counted once per sample (recursion-safe).
const keys = new Map<Frame, string>();
const key = (f: Frame) => keys.get(f) ?? (keys.set(f, `${f.functionName || "(anonymous)"} ${where(f)}`), keys.get(f)!);
const selfBy = new Map<string, number>();
const subtreeBy = new Map<string, number>();
p.samples.forEach((leaf, i) => {
  const ms = (p.timeDeltas[i] ?? 0) / 1000;
  const seen = new Set<string>();
  let id: number | undefined = leaf;
  const leafKey = key(byId.get(leaf)!.callFrame);
  selfBy.set(leafKey, (selfBy.get(leafKey) ?? 0) + ms);
  while (id !== undefined) {
    const k = key(byId.get(id)!.callFrame);
    if (!seen.has(k)) {
      seen.add(k);
      subtreeBy.set(k, (subtreeBy.get(k) ?? 0) + ms);
    }
    id = parent.get(id);
  }
});
console.log(`\ntop ${top} functions by self time`);
for (const [k, ms] of [...selfBy]
  .filter(([k]) => !k.startsWith("(idle)"))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${pct(ms).padStart(7)}  ${k}`);
console.log(`\ntop ${top} functions by subtree time`);
for (const [k, ms] of [...subtreeBy]
  .filter(([k]) => !/^\((root|idle|program)\)/.test(k))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${pct(ms).padStart(7)}  ${k}`);
