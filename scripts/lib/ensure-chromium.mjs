// Debian's Chromium for Playwright (`npx playwright install` cannot download browsers here).
import { existsSync } from "node:fs";
import { run } from "./processes.mjs";

export async function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(wanted)) return wanted;
  console.log("Installing Debian chromium for the browser tests…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    run(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if ((await apt(["update"])) !== 0) return undefined;
  if ((await apt(["install", "-y", "--no-install-recommends", "chromium"])) !== 0) return undefined;
  return existsSync(wanted) ? wanted : undefined;
}
