import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { seedState } from "./seed";
import { sandboxStateSchema, type SandboxState } from "./state-types";

export function stateFilePath(dataDir: string): string {
  return path.join(dataDir, "sandbox", "state.json");
}

/** A change computed from the current state: `next: null` means refused, nothing to write. */
export type Transaction<T> = (current: SandboxState) => { next: SandboxState | null; result: T };

export class StateStore {
  #state: SandboxState;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    state: SandboxState,
  ) {
    this.#state = state;
  }

  /** Loads the state file, or seeds (and writes) a fresh one when absent or when asked to reset. */
  static async open(dataDir: string, options: { reset: boolean; seedEnd: string }): Promise<StateStore> {
    const file = stateFilePath(dataDir);
    const loaded = options.reset ? null : await loadState(file);
    const store = new StateStore(file, loaded ?? seedState(options.seedEnd));
    if (!loaded) await persist(file, store.#state);
    return store;
  }

  get state(): SandboxState {
    return this.#state;
  }

  /**
   * Runs one change at a time: each sees the state the previous one left, and the in-memory state
   * is swapped only after the file is renamed into place, so a failed write changes nothing.
   */
  transact<T>(fn: Transaction<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const { next, result } = fn(this.#state);
      if (next) {
        await persist(this.file, next);
        this.#state = next;
      }
      return result;
    };
    const done = this.#queue.then(run, run);
    this.#queue = done.catch(() => undefined);
    return done;
  }

  reseed(seedEnd: string): Promise<void> {
    return this.transact(() => ({ next: seedState(seedEnd), result: undefined }));
  }

  /** Resolves once every queued write has landed; close() waits on it. */
  idle(): Promise<unknown> {
    return this.#queue;
  }
}

async function loadState(file: string): Promise<SandboxState | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // A corrupt file is reported rather than silently reseeded: it may hold marks someone cares about.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`sandbox state file ${file} is not valid JSON; start with --reset to reseed`);
  }
  const parsed = sandboxStateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`sandbox state file ${file} has an unexpected shape; start with --reset to reseed`);
  }
  return parsed.data;
}

/** Write-to-temp-then-rename: readers (and a crash) see the old file or the new one, never half. */
async function persist(file: string, state: SandboxState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(state));
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
