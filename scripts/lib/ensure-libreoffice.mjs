// Debian's LibreOffice Calc for the spreadsheet test of the audit CSV export
// (e2e/security/csv-injection.spec.ts), installed with apt when absent, like ensure-chromium.mjs.
import { existsSync } from "node:fs";
import { run } from "./processes.mjs";

export async function ensureLibreOffice() {
  const wanted = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
  if (existsSync(wanted)) return wanted;
  console.log("Installing Debian libreoffice-calc for the CSV export test…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args) =>
    run(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if ((await apt(["update"])) !== 0) return undefined;
  if ((await apt(["install", "-y", "--no-install-recommends", "libreoffice-calc"])) !== 0) return undefined;
  return existsSync(wanted) ? wanted : undefined;
}
