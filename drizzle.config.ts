import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes SQL migrations into drizzle/ (committed); they are applied at
// start-up and by `npm run db:migrate` (lib/db/migrate.ts). No database is needed to generate.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
