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
    // The sandbox tests start real HTTP servers; keep files isolated in their own processes. Two at a
    // time: vitest's default on a 2-core machine is one, and most of a file's time is its process
    // starting and importing, or waiting on a server, which a second worker overlaps.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
