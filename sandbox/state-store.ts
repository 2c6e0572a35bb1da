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

type Pending = { fn: Transaction<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class StateStore {
  #state: SandboxState;
  #pending: Pending[] = [];
  #writing: Promise<void> | null = null;
  #writes = 0;

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
    if (!loaded) {
      await persist(file, store.#state);
      store.#writes++;
    }
    return store;
  }

  get state(): SandboxState {
    return this.#state;
  }

  /** State files written since open (the seed's first write included). */
  get writes(): number {
    return this.#writes;
  }

  /**
   * Runs changes one at a time: each sees the state the previous one left, and the in-memory state
   * is swapped only after the file is renamed into place, so a failed write changes nothing. Changes
   * that arrive while a write is under way are written together by the next one (group commit): the
   * state file is most of a megabyte, and one write per change capped the sandbox at about 70 marks
   * a second, well below what real CAN takes.
   */
  transact<T>(fn: Transaction<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      // Started a tick later, so #writing is set before a drain that never awaits clears it.
      this.#writing ??= Promise.resolve().then(() => this.#drain());
    });
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      let state = this.#state;
      let changed = false;
      const settled: { entry: Pending; ok: boolean; value: unknown }[] = [];
      for (const entry of batch) {
        try {
          const { next, result } = entry.fn(state);
          if (next) {
            state = next;
            changed = true;
          }
          settled.push({ entry, ok: true, value: result });
        } catch (error) {
          settled.push({ entry, ok: false, value: error });
        }
      }
      let writeError: unknown = null;
      if (changed) {
        try {
          await persist(this.file, state);
          this.#writes++;
          this.#state = state;
        } catch (error) {
          writeError = error;
        }
      }
      for (const { entry, ok, value } of settled) {
        if (!ok) entry.reject(value);
        else if (writeError) entry.reject(writeError);
        else entry.resolve(value);
      }
    }
    this.#writing = null;
  }

  reseed(seedEnd: string): Promise<void> {
    return this.transact(() => ({ next: seedState(seedEnd), result: undefined }));
  }

  /** Resolves once every queued write has landed; close() waits on it. */
  idle(): Promise<unknown> {
    return this.#writing ?? Promise.resolve();
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
