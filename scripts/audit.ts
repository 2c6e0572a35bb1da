// `npm run audit -- verify [--tenant X] [--against FILE] [--since-checkpoint]`: walks each audit
// chain (or one), checks hashes, links and MACs, and with --against that the log still extends every
// signed checkpoint in FILE; names the first row that does not hold. --since-checkpoint walks only the
// rows after each chain's newest checkpoint stored in the database (what that proves:
// docs/decisions/0025-audit-log-at-scale.md). Exit code 1 when any chain is broken or FILE is refused.
// `npm run audit -- checkpoint [--tenant X] [--out FILE]`: seals chains written before MACs, verifies
// each in full, then prints one signed checkpoint per chain head (JSON lines), or appends them to
// FILE, and stores it in the database. Keep the printed ones outside the database.
// `npm run audit -- generate --tenant X --rows N [--days D]`: writes N made-up rows (marks, outside
// changes, admin events over D days, default 5 years) onto tenant X's chain, validly chained and
// MAC'd, for sizing and the bench; refused when X already has rows, so no real log is mixed with them.
import { appendFileSync, readFileSync } from "node:fs";
import { describeKey, describeReport, readCheckpoints, resolveAuditKey, takeCheckpoints, verifyAll, type Checkpoint } from "@/lib/audit";
import { generateAuditRows } from "@/lib/audit/generate";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { cliActor, runCli, UsageError } from "./cli-support";

const USAGE = [
  "usage: npm run audit -- verify [--tenant <id>] [--against <checkpoints file>] [--since-checkpoint]",
  "       npm run audit -- checkpoint [--tenant <id>] [--out <file>]",
  "       npm run audit -- generate --tenant <id> --rows <n> [--days <d>]",
].join("\n");

/** Options that take no value. */
const FLAGS = ["--since-checkpoint"];

function option(args: string[], name: string, what: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith("--")) throw new UsageError(`${name} needs ${what}`);
  return value;
}

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const known =
    command === "verify"
      ? ["--tenant", "--against", "--since-checkpoint"]
      : command === "checkpoint"
        ? ["--tenant", "--out"]
        : command === "generate"
          ? ["--tenant", "--rows", "--days"]
          : null;
  if (!known) throw new UsageError(USAGE);
  const takesValue = (a: string | undefined) => a !== undefined && known.includes(a) && !FLAGS.includes(a);
  const unknown = args.filter((a, i) => a.startsWith("--") && !known.includes(a) && !takesValue(args[i - 1]));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]}\n${USAGE}`);
  const tenant = option(args, "--tenant", "a tenant id (or _global for sign-in events)");
  const db = await getDb();
  const key = await resolveAuditKey(db);
  console.error(describeKey(key));

  if (command === "generate") return generate(db, tenant, args);

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
  const reports = await verifyAll(db, tenant, { key, checkpoints, sinceCheckpoint: args.includes("--since-checkpoint") });
  if (reports.length === 0) console.log(tenant ? `${tenant}: no audit rows` : "no audit rows yet");
  for (const r of reports) console.log(describeReport(r));
  const broken = reports.filter((r) => !r.ok).length;
  if (broken > 0) console.error(`${broken} chain(s) broken`);
  return broken > 0 ? 1 : 0;
});

function count(args: string[], name: string, what: string, fallback?: number): number {
  const text = option(args, name, what);
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} needs ${what}`);
  return n;
}

async function generate(db: Db, tenant: string | undefined, args: string[]): Promise<number> {
  if (!tenant) throw new UsageError(`generate needs --tenant\n${USAGE}`);
  const rows = count(args, "--rows", "a number of rows (1 or more)");
  const days = count(args, "--days", "a number of days (1 or more)", 5 * 365);
  const [existing] = await db.select({ seq: auditLog.seq }).from(auditLog).where(eq(auditLog.tenantId, tenant)).limit(1);
  if (existing) {
    console.error(`${tenant} already has audit rows: generate only into a tenant of its own`);
    return 1;
  }
  const started = performance.now();
  let shown = 0;
  const head = await generateAuditRows(db, tenant, {
    rows,
    days,
    onProgress: (written) => {
      if (written - shown >= 100_000 || written === rows) {
        shown = written;
        const seconds = (performance.now() - started) / 1000;
        console.error(`${written} rows, ${seconds.toFixed(1)} s, ${Math.round(written / seconds)} rows/s`);
      }
    },
  });
  console.log(`${tenant}: ${rows} rows generated, head seq ${head.seq} hash ${head.hash}`);
  return 0;
}
