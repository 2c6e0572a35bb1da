// Tracing for the test files that read the spans they cause. The tracer provider is global and
// starts once per process (lib/telemetry/tracing.ts), and vitest runs many files in one worker
// (isolate: false), so a second file that started its own receiver would never see a span. One
// receiver per process instead; each file finds its own spans under a caller span of its own name.
import { startTracing } from "@/lib/telemetry/tracing";
import { startOtlpReceiver, type OtlpReceiver } from "./otlp-receiver";

const KEY = Symbol.for("can-console.test-tracing");
type Holder = { [KEY]?: Promise<OtlpReceiver> };

/** Starts tracing into this process's receiver on the first call; every later call gets the same one. */
export function testTracing(): Promise<OtlpReceiver> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const receiver = await startOtlpReceiver({ keepAlive: false });
    await startTracing({ tracesUrl: `${receiver.url}/v1/traces`, serviceName: "db-tests", batchDelayMs: 10 });
    return receiver;
  })();
  return holder[KEY];
}
