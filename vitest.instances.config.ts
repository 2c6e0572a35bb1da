import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests of real app processes: several instances of the built app over a PostgreSQL server
// (tests/instances, DATABASE_URL), and the README's set-up on a fresh clone (tests/fresh-clone).
// `npm test` runs them after the build.
export default defineConfig({
  resolve: { alias: { "@/": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/instances/**/*.test.ts", "tests/fresh-clone/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
