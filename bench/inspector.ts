// The bench's window into the app server's own memory: Node's inspector, opened on the running
// next-server by SIGUSR1 (the app is started with `--inspect-port=127.0.0.1:<port>` in NODE_OPTIONS
// by the bench only, so nothing listens until the bench asks). Through it: a full garbage
// collection (HeapProfiler.collectGarbage), `process.memoryUsage()`, and a heap snapshot written to
// a file. No route of the product serves any of this.
import { createWriteStream } from "node:fs";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
export type MemoryUsage = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };

export type Inspector = {
  call: <T = unknown>(method: string, params?: Record<string, unknown>) => Promise<T>;
  /** A full, synchronous collection of V8's heap (what `--expose-gc`'s gc() does). */
  collectGarbage: () => Promise<void>;
  memoryUsage: () => Promise<MemoryUsage>;
  /** Writes a .heapsnapshot (readable by Chrome DevTools' Memory tab) and resolves when it is whole. */
  heapSnapshot: (path: string) => Promise<void>;
  close: () => void;
};

/** Opens the inspector of process `pid` on `port` (SIGUSR1), and connects to it. */
export async function openInspector(pid: number, port: number, timeoutMs = 10_000): Promise<Inspector> {
  process.kill(pid, "SIGUSR1");
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (!url) {
    try {
      const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl?: string }[];
      url = list[0]?.webSocketDebuggerUrl;
    } catch {
      // not listening yet
    }
    if (!url) {
      if (Date.now() > deadline) throw new Error(`no inspector on 127.0.0.1:${port} for pid ${pid}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`inspector ${url}: could not connect`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, (params: Record<string, unknown>) => void>();
  socket.addEventListener("message", (event) => {
    const msg = JSON.parse(String(event.data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
    };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) listeners.get(msg.method)?.(msg.params ?? {});
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    call,
    collectGarbage: async () => {
      await call("HeapProfiler.collectGarbage");
    },
    memoryUsage: async () => {
      const r = await call<{ result: { value?: string } }>("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
      return JSON.parse(r.result.value ?? "{}") as MemoryUsage;
    },
    heapSnapshot: async (path) => {
      const out = createWriteStream(path);
      listeners.set("HeapProfiler.addHeapSnapshotChunk", (p) => out.write(String(p.chunk)));
      await call("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      listeners.delete("HeapProfiler.addHeapSnapshotChunk");
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    },
    close: () => socket.close(),
  };
}
