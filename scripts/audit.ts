// `npm run audit -- verify [--tenant X]`: walks each audit chain (or one) and names the first row
// that does not hold. Exit code 1 when any chain is broken.
import { describeReport, verifyAll } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { runCli, UsageError } from "./cli-support";

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "verify") throw new UsageError("usage: npm run audit -- verify [--tenant <id>]");
  const at = args.indexOf("--tenant");
  const tenant = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !tenant) throw new UsageError("--tenant needs a tenant id (or _global for sign-in events)");
  const reports = await verifyAll(await getDb(), tenant);
  if (reports.length === 0) console.log(tenant ? `${tenant}: no audit rows` : "no audit rows yet");
  for (const r of reports) console.log(describeReport(r));
  const broken = reports.filter((r) => !r.ok).length;
  if (broken > 0) console.error(`${broken} chain(s) broken`);
  return broken > 0 ? 1 : 0;
});
