import "server-only";

// The life of one server process: serving, then draining once a stop signal arrives. This is the
// one piece of per-process state, and it is about the process itself (is it about to go away, which
// marks is it carrying right now), never about data: that all lives in the database.
// On globalThis because Next bundles proxy, route handlers, actions and instrumentation separately.

export type Phase = "serving" | "draining";

/**
 * A mark this process is carrying, from the moment the action starts. Once its intent row exists,
 * `settle` writes the outcome at most once (true if this call wrote it).
 */
export type InFlightMark = {
  requestId: string;
  startedAt: number;
  settle?: (reason: string) => Promise<boolean>;
};

type State = { phase: Phase; drainingSince?: number; marks: Map<symbol, InFlightMark> };

const KEY = Symbol.for("can-console.lifecycle");
const state: State = ((globalThis as Record<symbol, State | undefined>)[KEY] ??= { phase: "serving", marks: new Map() });

export function phase(): Phase {
  return state.phase;
}

export function isDraining(): boolean {
  return state.phase === "draining";
}

export function startDraining(): void {
  if (state.phase === "draining") return;
  state.phase = "draining";
  state.drainingSince = Date.now();
}

export function trackMark(requestId: string): { mark: InFlightMark; done: () => void } {
  const mark: InFlightMark = { requestId, startedAt: Date.now() };
  const key = Symbol(requestId);
  state.marks.set(key, mark);
  return { mark, done: () => void state.marks.delete(key) };
}

export function inFlightMarks(): InFlightMark[] {
  return [...state.marks.values()];
}

/** Resolves when no mark is in flight, or with the marks still in flight once `deadline` passes. */
export async function waitForMarks(deadline: number, pollMs = 50): Promise<InFlightMark[]> {
  while (state.marks.size > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return inFlightMarks();
}

/** Tests run several lifecycles in one process. */
export function resetLifecycleForTests(): void {
  state.phase = "serving";
  delete state.drainingSince;
  state.marks.clear();
}
