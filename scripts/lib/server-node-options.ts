// How `npm start` (scripts/start.ts) sizes the server's V8 heap and malloc arenas and compiles PGlite's WebAssembly,
// and the bench with it, so the bench measures the server as it is launched (docs/decisions/0036-a-lighter-server.md,
// docs/decisions/0039-webassembly-baseline-code.md).
//
// Left to itself, V8 sizes its heap from the machine's memory (about 4 GB of old space and 64 MB
// semi-spaces on a 24 GB machine) and lets garbage pile up to a multiple of what is live before it
// collects: the console's live heap is about 75 MB, its heap before a collection grew to 150–340 MB
// over a hundred loads of the 10-year plan. The old-space cap makes V8 collect earlier; it is generous
// next to the live heap, so a 30-year plan or a long audit export is not starved. 32 MB semi-spaces
// (64 by default) keep 96 MB less young garbage; 16 MB saved more but cost the plan route 30–40 % of its
// throughput at 16 clients (ADR 0036's amendment), 32 MB cost nothing measurable (ADR 0039).
export const SERVER_HEAP_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=32"] as const;

/**
 * V8's WebAssembly flags, which Node takes only on its command line (it refuses them in
 * NODE_OPTIONS). PGlite's WebAssembly runs in Liftoff's baseline code only: V8's optimising compile
 * of its hot functions (TurboFan, on worker threads) left about 100 MB of compiled code and malloc'd
 * memory resident for good, and the route's CPU per request did not measurably gain from it (ADR 0039).
 */
export const SERVER_V8_ARGS = ["--liftoff-only"] as const;

/**
 * glibc's malloc gives each thread that allocates its own arena (up to 8 per core) and keeps what
 * is freed in them: the worker threads that compile PGlite's WebAssembly leave 60–80 MB resident
 * that way. With two, 411–487 MB after ten loads (mean 440) against 445–510 (mean 486): ADR 0036.
 */
export const SERVER_MALLOC_ARENA_MAX = "2";

/** The server's environment: `env` with NODE_OPTIONS as below and MALLOC_ARENA_MAX unless set. */
export function serverEnv<E extends Record<string, string | undefined>>(env: E): E & { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return { ...env, NODE_OPTIONS: serverNodeOptions(env.NODE_OPTIONS), MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? SERVER_MALLOC_ARENA_MAX };
}

/**
 * NODE_OPTIONS for the server: the heap flags first, then whatever the person starting it has in
 * NODE_OPTIONS, so a flag of theirs (a bigger heap, say) wins over ours — Node takes the last one.
 */
export function serverNodeOptions(existing: string | undefined): string {
  return [...SERVER_HEAP_FLAGS, existing?.trim() ?? ""].filter((s) => s.length > 0).join(" ");
}

/** Node's arguments to run `script` (next's CLI) with `args` as the server: V8's flags come before the script. */
export function serverNodeArgs(script: string, args: readonly string[]): string[] {
  return [...SERVER_V8_ARGS, script, ...args];
}
