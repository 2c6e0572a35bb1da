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
    // Two worker processes at a time: vitest's default on a 2-core machine is one, and much of a
    // file's time is waiting on a server (the sandbox tests start real HTTP servers), which a second
    // worker overlaps.
    pool: "forks",
    maxWorkers: 2,
    // A worker runs its files one after another in one process and keeps the modules they imported:
    // importing (drizzle, Better Auth, the app's lib) was most of a file's time, about 40 % of the
    // suite's CPU. Files reset what they share through the test helpers (withTestDb, withAuthEnv).
    isolate: false,
    testTimeout: 20_000,
    // A file's set-up (a database, the demo accounts' password hashes) waits on CPU shared with the
    // other worker; on a busy 2-core machine 10 s was not always enough. Waiting longer costs nothing.
    hookTimeout: 60_000,
  },
});
