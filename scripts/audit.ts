// `npm run audit -- verify [--tenant X] [--against FILE]`: walks each audit chain (or one), checks
// hashes, links and MACs, and with --against that the log still extends every signed checkpoint in
// FILE; names the first row that does not hold. Exit code 1 when any chain is broken or FILE is refused.
// `npm run audit -- checkpoint [--tenant X] [--out FILE]`: seals chains written before MACs, then
// prints one signed checkpoint per chain head (JSON lines), or appends them to FILE. Keep them
// outside the database.
import { appendFileSync, readFileSync } from "node:fs";
import { describeKey, describeReport, readCheckpoints, resolveAuditKey, takeCheckpoints, verifyAll, type Checkpoint } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { cliActor, runCli, UsageError } from "./cli-support";

const USAGE =
  "usage: npm run audit -- verify [--tenant <id>] [--against <checkpoints file>]\n       npm run audit -- checkpoint [--tenant <id>] [--out <file>]";

function option(args: string[], name: string, what: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith("--")) throw new UsageError(`${name} needs ${what}`);
  return value;
}

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const known = command === "verify" ? ["--tenant", "--against"] : command === "checkpoint" ? ["--tenant", "--out"] : null;
  if (!known) throw new UsageError(USAGE);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.includes(a) && !known.includes(args[i - 1] ?? ""));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}\n${USAGE}`);
  const tenant = option(args, "--tenant", "a tenant id (or _global for sign-in events)");
  const db = await getDb();
  const key = await resolveAuditKey(db);
  console.error(describeKey(key));

  if (command === "checkpoint") {
    const out = option(args, "--out", "a file to append the checkpoints to");
    const { checkpoints, broken } = await takeCheckpoints(db, cliActor(), tenant);
    const lines = checkpoints.map((c) => `${JSON.stringify(c)}\n`).join("");
    if (out) appendFileSync(out, lines, { mode: 0o600 });
    else process.stdout.write(lines);
    console.error(`${checkpoints.length} checkpoint(s)${out ? ` appended to ${out}` : ""}`);
    for (const r of broken) console.error(`not checkpointed: ${describeReport(r)}`);
    return broken.length > 0 ? 1 : 0;
  }

  const against = option(args, "--against", "a checkpoints file (from `npm run audit -- checkpoint`)");
  let checkpoints: Checkpoint[] = [];
  if (against) {
    const file = readCheckpoints(key, readFileSync(against, "utf8"));
    if (!file.ok) {
      console.error(`${against}: refused at line ${file.line}: ${file.why}`);
      return 1;
    }
    checkpoints = file.checkpoints;
    console.error(`${against}: ${checkpoints.length} signed checkpoint(s)`);
  }
  const reports = await verifyAll(db, tenant, { key, checkpoints });
  if (reports.length === 0) console.log(tenant ? `${tenant}: no audit rows` : "no audit rows yet");
  for (const r of reports) console.log(describeReport(r));
  const broken = reports.filter((r) => !r.ok).length;
  if (broken > 0) console.error(`${broken} chain(s) broken`);
  return broken > 0 ? 1 : 0;
});
