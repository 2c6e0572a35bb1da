// Entry for every npm script a person types on a fresh clone (`npm start`, `npm test`, `npm run
// users`, …). Runs on whatever Node the machine has (Node 20 here), so it uses plain JavaScript and
// only node: built-ins. It installs the npm dependencies when they are missing or stale, then hands
// over, on the Node 24 that the `node` dependency puts first on PATH:
//   start | test        → `npm run app:start|app:test`
//   exec CMD [ARGS…]    → CMD from node_modules/.bin (tsx, node, next, …) with ARGS
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...rest] = process.argv.slice(2);
if (command !== "start" && command !== "test" && !(command === "exec" && rest.length > 0)) {
  console.error("usage: node scripts/bootstrap.mjs start|test|exec COMMAND [ARGS…]");
  process.exit(2);
}

const stampFile = join(root, "node_modules", ".install-stamp");
const inputs = ["package.json", "package-lock.json"].filter((f) => existsSync(join(root, f)));
const wanted = createHash("sha256")
  .update(inputs.map((f) => readFileSync(join(root, f))).join("\n"))
  .digest("hex");
const have = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";

if (have !== wanted || !existsSync(join(root, "node_modules", ".bin", "node"))) {
  // On stderr: a command's own output (the users CLI's JSON, an export) stays clean on stdout.
  console.error("Installing npm dependencies (first run or package.json changed)…");
  // `npm ci` rejects lockfiles made here (registry lacks some optional binaries): see stack.md.
  const status = await npmInstall();
  if (status !== 0) {
    console.error("npm install failed; see the messages above.");
    process.exit(status);
  }
  writeFileSync(stampFile, wanted);
}

/**
 * `npm install` on the machine's Node, by design (the Node 24 it installs does not exist yet). npm
 * judges `engines` against that Node and warns EBADENGINE for this project and for packages that
 * want Node 22+; they only ever run on the installed Node 24, so those warning blocks are dropped
 * (one line says why). Everything else npm prints passes through as it comes.
 */
function npmInstall() {
  const child = spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(process.stderr);
  let engineWarnings = 0;
  createInterface({ input: child.stderr }).on("line", (line) => {
    if (!line.startsWith("npm warn EBADENGINE")) return void console.error(line);
    if (line.trim() === "npm warn EBADENGINE Unsupported engine {") engineWarnings += 1;
  });
  return new Promise((resolve) =>
    child.on("close", (code) => {
      if (engineWarnings > 0)
        console.error(`(npm ran on Node ${process.version}; the ${engineWarnings} package(s) that ask for Node 22+ run on the Node 24 it installed.)`);
      resolve(code ?? 1);
    }),
  );
}

// Ctrl-C reaches the whole process group; let the child decide how to stop, then exit with its code.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}` };
const [cmd, args] = command === "exec" ? [rest[0], rest.slice(1)] : ["npm", ["run", "--silent", `app:${command}`, "--", ...rest]];
// The caller's working directory stays (`npm run` sets it to the project root anyway), so relative
// paths a person passes mean what they meant.
const child = spawnSync(cmd, args, { stdio: "inherit", env });
process.exit(child.status ?? 1);
