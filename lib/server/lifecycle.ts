import "server-only";
import { processGlobal } from "@/lib/process-global";

// The life of one server process: serving, then draining once a stop signal arrives. This is the
// one piece of per-process state, and it is about the process itself (is it about to go away, which
// marks is it carrying right now), never about data: that all lives in the database.
// On globalThis because Next bundles proxy, route handlers, actions and instrumentation separately.

/**
 * A mark this process is carrying, from the moment the action starts. Once its intent row exists,
 * `settle` writes the outcome at most once (true if this call wrote it).
 */
export type InFlightMark = {
  requestId: string;
  settle?: (reason: string) => Promise<boolean>;
};

type State = { draining: boolean; marks: Set<InFlightMark> };

const state = processGlobal<State>("lifecycle", () => ({ draining: false, marks: new Set() }));

export function isDraining(): boolean {
  return state.draining;
}

export function startDraining(): void {
  state.draining = true;
}

export function trackMark(requestId: string): { mark: InFlightMark; done: () => void } {
  const mark: InFlightMark = { requestId };
  state.marks.add(mark);
  return { mark, done: () => void state.marks.delete(mark) };
}

export function inFlightMarks(): InFlightMark[] {
  return [...state.marks];
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
  state.draining = false;
  state.marks.clear();
}
