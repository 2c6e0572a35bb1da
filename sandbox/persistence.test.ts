import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stateFilePath } from "./state-store";
import type { SandboxState } from "./state-types";
import { SEED_END, UUID, canPost, dayRange, planState, startTestSandbox } from "./test-support";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "can-sandbox-persist-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const readState = async (): Promise<SandboxState> => JSON.parse(await readFile(stateFilePath(dataDir), "utf8")) as SandboxState;
const markNov1 = (url: string) => canPost(url, "updatePartition", { uuid: UUID.ordersDaily, failedTimeRange: [dayRange("2025-11-01")] });

describe("state persistence", () => {
  it("writes the seed on first start", async () => {
    const sb = await startTestSandbox({ dataDir });
    await sb.close();
    const state = await readState();
    expect(state.seedEnd).toBe(SEED_END);
    expect(state.tenants.acme?.plans.length).toBe(8);
  });

  it("has the change on disk before the response, with no temp file left behind", async () => {
    const sb = await startTestSandbox({ dataDir });
    try {
      for (const day of ["2025-11-01", "2025-11-02", "2025-11-03"]) {
        const res = await canPost(sb.url, "updatePartition", { uuid: UUID.ordersDaily, successTimeRange: [dayRange(day)] });
        expect(res.success).toBe(true);
        const onDisk = (await readState()).tenants.acme?.plans.find((p) => p.id === UUID.ordersDaily);
        expect(onDisk?.partitions[day]?.status).toBe("success");
      }
      expect(await readdir(path.dirname(stateFilePath(dataDir)))).toEqual(["state.json"]);
    } finally {
      await sb.close();
    }
  });

  it("keeps marks across a restart and ignores a different seed end without reset", async () => {
    const first = await startTestSandbox({ dataDir });
    expect((await markNov1(first.url)).success).toBe(true);
    await first.close();
    const second = await startTestSandbox({ dataDir, seedEnd: "2024-01-31" });
    try {
      expect((await planState(second.url, "acme", UUID.ordersDaily)).partitions["2025-11-01"]?.status).toBe("failed");
      expect((await readState()).seedEnd).toBe(SEED_END);
    } finally {
      await second.close();
    }
  });

  it("reseeds with reset (the --reset flag)", async () => {
    const first = await startTestSandbox({ dataDir });
    await markNov1(first.url);
    await first.close();
    const second = await startTestSandbox({ dataDir, reset: true, seedEnd: "2025-06-30" });
    try {
      const plan = await planState(second.url, "acme", UUID.ordersDaily);
      expect(plan.partitions["2025-11-01"]).toBeUndefined();
      expect(Object.keys(plan.partitions).sort().at(-1)).toBe("2025-06-30");
      expect((await readState()).seedEnd).toBe("2025-06-30");
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a corrupt state file instead of overwriting it", async () => {
    await mkdir(path.dirname(stateFilePath(dataDir)), { recursive: true });
    await writeFile(stateFilePath(dataDir), "{ not json");
    await expect(startTestSandbox({ dataDir })).rejects.toThrow(/--reset/);
    expect(await readFile(stateFilePath(dataDir), "utf8")).toBe("{ not json");
  });

  it("refuses an impossible seed end", async () => {
    await expect(startTestSandbox({ dataDir, seedEnd: "2025-02-30" })).rejects.toThrow(/seed end/);
  });
});
