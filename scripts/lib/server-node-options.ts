// How `npm start` (scripts/start.ts) sizes the server's V8 heap, and the bench with it, so the bench
// measures the server as it is launched (docs/decisions/0036-a-lighter-server.md).
//
// Left to itself, V8 sizes its heap from the machine's memory (about 4 GB of old space and 64 MB
// semi-spaces on a 24 GB machine) and lets garbage pile up to a multiple of what is live before it
// collects: the console's live heap is about 75 MB, its heap before a collection grew to 150–340 MB
// over a hundred loads of the 10-year plan. These caps make V8 collect earlier; they are generous
// next to the live heap, so a 30-year plan or a long audit export is not starved.
export const SERVER_HEAP_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=16"] as const;

/**
 * NODE_OPTIONS for the server: the heap flags first, then whatever the person starting it has in
 * NODE_OPTIONS, so a flag of theirs (a bigger heap, say) wins over ours — Node takes the last one.
 */
export function serverNodeOptions(existing: string | undefined): string {
  return [...SERVER_HEAP_FLAGS, existing?.trim() ?? ""].filter((s) => s.length > 0).join(" ");
}
