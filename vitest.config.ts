import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "tests/unit/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Migrates one PGlite data directory that every database test file starts from.
    globalSetup: ["tests/support/vitest-global-setup.ts"],
    // The sandbox tests start real HTTP servers; keep files isolated in their own processes. Two at a
    // time: vitest's default on a 2-core machine is one, and most of a file's time is its process
    // starting and importing, or waiting on a server, which a second worker overlaps.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    // A file's set-up (a database, the demo accounts' password hashes) waits on CPU shared with the
    // other worker; on a busy 2-core machine 10 s was not always enough. Waiting longer costs nothing.
    hookTimeout: 60_000,
  },
});
