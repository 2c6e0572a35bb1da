// Run by db-open.db.test.ts: opens the embedded database in DATA_DIR, says so, and keeps it open
// until killed, like a running console would.
import { getDbHandle } from "@/lib/db";

await getDbHandle();
process.stdout.write("ready\n");
setInterval(() => undefined, 1000);
