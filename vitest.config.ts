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
    // The sandbox tests start real HTTP servers; keep files isolated but not too parallel on 2 cores.
    pool: "forks",
    testTimeout: 20_000,
  },
});
