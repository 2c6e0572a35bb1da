import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The multi-instance tests (tests/instances): real app processes of the built app over a
// PostgreSQL server (DATABASE_URL). `npm test` runs them after the build.
export default defineConfig({
  resolve: { alias: { "@/": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/instances/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
