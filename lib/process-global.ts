// One value per process, whatever module graph asks. Next bundles pages, route handlers, actions,
// the proxy and instrumentation separately, so a module-level `const` would exist once per graph:
// state that must be the process's own (the database handle, the drain, metrics, shared reads)
// lives on globalThis under a registered symbol instead.
export function processGlobal<T>(name: string, create: () => T): T {
  const g = globalThis as Record<symbol, T | undefined>;
  return (g[Symbol.for(`can-console.${name}`)] ??= create());
}
