// `BENCH_CPU_PROFILE=<file.cpuprofile>`: the proxy scenario records a CPU profile of the app server
// over its measured 16-client run, through the app's inspector (bench/inspector.ts), for
// `npx tsx bench/cpu-profile-summary.ts <file>`. Off by default: the profiler slows the server, so a
// profiled run's latencies are not the budget's.
import { writeFileSync } from "node:fs";
import type { BenchContext } from "./context";
import { openInspector } from "./inspector";

export type Recording = { stop: () => Promise<void> };

/** Starts V8's sampling profiler in the app when BENCH_CPU_PROFILE names a file, else does nothing. */
export async function startCpuProfile(ctx: BenchContext): Promise<Recording> {
  const path = process.env.BENCH_CPU_PROFILE;
  if (!path || ctx.appInspectPort === undefined) return { stop: async () => undefined };
  const inspector = await openInspector(ctx.appPid, ctx.appInspectPort);
  await inspector.call("Profiler.enable");
  await inspector.call("Profiler.setSamplingInterval", { interval: 200 });
  await inspector.call("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await inspector.call<{ profile: unknown }>("Profiler.stop");
      writeFileSync(path, JSON.stringify(profile));
      inspector.close();
      ctx.log(`CPU profile of the app written to ${path}`);
    },
  };
}
