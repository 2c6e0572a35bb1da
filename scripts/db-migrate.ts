// `npm run db:migrate`: applies the committed migrations (drizzle/) to DATABASE_URL or the embedded
// database, under an advisory lock, then seals audit chains written before audit MACs. The app also
// migrates at start-up; deploys run this first, with the migration role (docs/postgres-roles.sql).
import { describeReport, sealLegacyChains } from "@/lib/audit";
import { getDbHandle } from "@/lib/db";
import { cliActor, runCli } from "./cli-support";

await runCli(async () => {
  const handle = await getDbHandle();
  console.log(`migrations applied (${handle.kind})`);
  const { sealed, broken } = await sealLegacyChains(handle.db, cliActor());
  if (sealed.length > 0) console.log(`audit chains sealed with a MAC'd row: ${sealed.join(", ")}`);
  for (const r of broken) console.error(`not sealed, does not verify: ${describeReport(r)}`);
  return broken.length > 0 ? 1 : 0;
});
