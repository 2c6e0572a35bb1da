import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StateStore, stateFilePath } from "./state-store";
import type { SandboxState } from "./state-types";
import { SEED_END } from "./test-support";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "can-sandbox-store-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** A change that appends `tag` to the seed end date, so the order of applied changes is readable. */
const append = (tag: string) => (state: SandboxState) => ({ next: { ...state, seedEnd: `${state.seedEnd}|${tag}` }, result: state.seedEnd });

describe("sandbox state store (group commit)", () => {
  it("applies concurrent changes in order, each seeing the one before, and writes the last state", async () => {
    const store = await StateStore.open(dataDir, { reset: true, seedEnd: SEED_END });
    const tags = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const seen = await Promise.all(tags.map((tag) => store.transact(append(tag))));
    expect(seen[0]).toBe(SEED_END);
    for (let i = 1; i < tags.length; i++) expect(seen[i]).toBe(`${seen[i - 1]}|${tags[i - 1]}`);
    const expected = [SEED_END, ...tags].join("|");
    expect(store.state.seedEnd).toBe(expected);
    await store.idle();
    const onDisk = JSON.parse(await readFile(stateFilePath(dataDir), "utf8")) as SandboxState;
    expect(onDisk.seedEnd).toBe(expected);
    // The seed, then the forty changes in one write: they all queued before the first drain ran.
    expect(store.writes).toBe(2);
  });

  it("a change that throws fails alone; the others in its batch land", async () => {
    const store = await StateStore.open(dataDir, { reset: true, seedEnd: SEED_END });
    const results = await Promise.allSettled([
      store.transact(append("a")),
      store.transact(() => {
        throw new Error("refused by the handler");
      }),
      store.transact(append("b")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(store.state.seedEnd).toBe(`${SEED_END}|a|b`);
  });

  it("a failed write changes nothing in memory and fails every change of its batch", async () => {
    const store = await StateStore.open(dataDir, { reset: true, seedEnd: SEED_END });
    // The state folder becomes a plain file, so the next write cannot create its temp file.
    const folder = path.dirname(stateFilePath(dataDir));
    await rm(folder, { recursive: true });
    await writeFile(folder, "not a folder");
    const results = await Promise.allSettled([store.transact(append("x")), store.transact(append("y"))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(store.state.seedEnd).toBe(SEED_END);
    // Once the folder is back, the store writes again from the unchanged state.
    await rm(folder);
    await expect(store.transact(append("z"))).resolves.toBe(SEED_END);
    expect(store.state.seedEnd).toBe(`${SEED_END}|z`);
  });
});
