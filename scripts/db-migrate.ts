// `npm run db:migrate`: applies the committed migrations (drizzle/) to DATABASE_URL or the embedded
// database, under an advisory lock. The app also does this at start-up; deploys run it first.
import { getDbHandle } from "@/lib/db";
import { runCli } from "./cli-support";

await runCli(async () => {
  const handle = await getDbHandle();
  console.log(`migrations applied (${handle.kind})`);
  return 0;
});
