// Entry for `npm start` and `npm test` on a fresh clone. Runs on whatever Node the machine has
// (Node 20 here), so it uses plain JavaScript and only node: built-ins. It installs the npm
// dependencies when they are missing or stale, then hands over to `npm run app:<command>`, which
// runs on the Node 24 that the `node` dependency puts first on PATH.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command, ...rest] = process.argv.slice(2);
if (command !== "start" && command !== "test") {
  console.error("usage: node scripts/bootstrap.mjs start|test");
  process.exit(2);
}

const stampFile = join(root, "node_modules", ".install-stamp");
const inputs = ["package.json", "package-lock.json"].filter((f) => existsSync(join(root, f)));
const wanted = createHash("sha256")
  .update(inputs.map((f) => readFileSync(join(root, f))).join("\n"))
  .digest("hex");
const have = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";

if (have !== wanted || !existsSync(join(root, "node_modules", ".bin", "node"))) {
  console.log("Installing npm dependencies (first run or package.json changed)…");
  // `npm ci` rejects lockfiles made here (registry lacks some optional binaries): see stack.md.
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) {
    console.error("npm install failed; see the messages above.");
    process.exit(install.status ?? 1);
  }
  writeFileSync(stampFile, wanted);
}

// Ctrl-C reaches the whole process group; let the child decide how to stop, then exit with its code.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});
const child = spawnSync("npm", ["run", "--silent", `app:${command}`, "--", ...rest], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(child.status ?? 1);
