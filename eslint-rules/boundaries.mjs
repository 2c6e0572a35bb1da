// The code's boundaries, as lint rules (eslint.config.mjs turns them on):
// - client-imports: a "use client" module reaches, through its runtime imports (type-only imports
//   are erased), no module marked `import "server-only"` and nothing under lib/can/ (the CAN client
//   and its credentials stay on the server; what the browser needs of CAN's wire format lives in
//   client-safe files elsewhere), and no zod: inputs are validated on the server, and zod was the
//   biggest part of the page's script (issue 23). A "use server" module is where the walk stops:
//   the browser gets only references to its actions.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm;

/** The file an import names, or null for a package (only "server-only" and zod matter there). */
function resolveImport(from, source) {
  let base;
  if (source.startsWith("@/")) base = join(root, source.slice(2));
  else if (source.startsWith(".")) base = resolve(dirname(from), source);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const parsed = new Map();
function runtimeImports(file) {
  let found = parsed.get(file);
  if (!found) {
    const text = readFileSync(file, "utf8");
    // A "use server" module reaches the browser only as references to its actions.
    const actions = /^\s*["']use server["']/.test(text);
    found = { actions, serverOnly: /^import ["']server-only["'];?$/m.test(text), sources: [...text.matchAll(RUNTIME_IMPORT)].map((m) => m[1]) };
    parsed.set(file, found);
  }
  return found;
}

/** Why `file` may not run in the browser, with the chain of imports that reaches it; null if it may. */
function whyServerOnly(file, seen = new Set()) {
  if (seen.has(file)) return null;
  seen.add(file);
  const rel = relative(root, file);
  if (rel.startsWith("lib/can/")) return [`${rel} (lib/can stays on the server)`];
  if (rel === "lib/demo-tenants.ts") return [`${rel} (the demo credentials stay on the server)`];
  const info = runtimeImports(file);
  if (info.actions) return null;
  if (info.serverOnly) return [`${rel} (marked server-only)`];
  for (const source of info.sources) {
    if (source === "server-only") return [`${rel} (imports server-only)`];
    if (isZod(source)) return [`${rel} (imports zod, which stays on the server)`];
    const target = resolveImport(file, source);
    if (!target) continue;
    const chain = whyServerOnly(target, seen);
    if (chain) return [rel, ...chain];
  }
  return null;
}

const isZod = (source) => source === "zod" || source.startsWith("zod/");

const clientImports = {
  meta: { type: "problem", messages: { serverOnly: "A client component may not import {{source}}: {{chain}}" }, schema: [] },
  create(context) {
    const file = context.filename;
    const body = context.sourceCode.ast.body;
    const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
    if (!isClient) return {};
    const check = (node) => {
      if (!node.source || node.importKind === "type" || node.exportKind === "type") return;
      const source = node.source.value;
      if (source === "server-only") {
        context.report({ node, messageId: "serverOnly", data: { source, chain: "it is the server-only marker" } });
        return;
      }
      if (isZod(source)) {
        context.report({ node, messageId: "serverOnly", data: { source, chain: "validation runs on the server" } });
        return;
      }
      const target = resolveImport(file, source);
      if (!target) return;
      const chain = whyServerOnly(target);
      if (chain) context.report({ node, messageId: "serverOnly", data: { source, chain: chain.join(" → ") } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const plugin = { rules: { "client-imports": clientImports } };
export default plugin;
