// `npm run bench` runs this before the bench itself when the audit scenario will run: writes its
// database (bench/audit-data.ts) if missing, outside the bench's 9½-minute limit, since 5 million
// rows take longer than that to write on 2 cores. Usage: tsx --conditions=react-server bench/audit-prepare.ts <rows>
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openAuditData } from "./audit-data";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rows = Number(process.argv[2]);
if (!Number.isInteger(rows) || rows < 2) {
  console.error("usage: bench/audit-prepare.ts <rows>");
  process.exit(2);
}
// The same environment the bench gives the scenario: demo mode, so the audit key comes from the database.
for (const key of ["AUDIT_KEY", "AUTH_SECRET", "DATABASE_URL"]) delete process.env[key];
const handle = await openAuditData(root, rows, (line) => console.log(`[bench] ${line}`));
await handle.close();
