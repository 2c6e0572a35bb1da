import "server-only";
import { SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import { processGlobal } from "@/lib/process-global";

/**
 * OpenTelemetry traces (docs/decisions/0026): off unless an OTLP endpoint is configured. When on,
 * Next's own request spans, ours around each action or API request, each CAN call and each database
 * query share one trace, and every span of ours carries the request id the logs and CAN see.
 */
export const TRACER_NAME = "can-partition-console";

type Exporting = { flush: () => Promise<void>; shutdown: () => Promise<void> };
type Slot = { exporting?: Exporting };
const slot = processGlobal<Slot>("tracing", () => ({}));

export type TracingSettings = { tracesUrl: string; serviceName: string; batchDelayMs: number };

/**
 * Registers the SDK once per process. The SDK is loaded only here, so a console without an endpoint
 * never loads it, and the API's calls everywhere else stay no-ops.
 */
export async function startTracing(settings: TracingSettings): Promise<void> {
  if (slot.exporting) return;
  const [
    { context, propagation },
    { TracerProvider, BatchSpanProcessor },
    { AsyncLocalStorageContextManager },
    { W3CTraceContextPropagator },
    { OTLPTraceExporter },
    { resourceFromAttributes },
  ] = await Promise.all([
    import("@opentelemetry/api"),
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: settings.tracesUrl }), scheduledDelayMillis: settings.batchDelayMs })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // A `traceparent` from a caller (a scheduler with its own tracing) continues its trace.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  slot.exporting = { flush: () => provider.forceFlush(), shutdown: () => provider.shutdown() };
}

export function tracingOn(): boolean {
  return slot.exporting !== undefined;
}

/** Sends what is batched now and keeps tracing on (flushTracing below also stops it): for tests that read their spans. */
export async function sendBatchedSpans(): Promise<void> {
  await slot.exporting?.flush();
}

/** Sends what is still batched; a stopping instance calls it so its last requests are not lost. */
export async function flushTracing(): Promise<void> {
  await slot.exporting?.shutdown();
  slot.exporting = undefined;
}

function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

export type SpanOptions = { kind?: SpanKind; attributes?: Attributes };

/**
 * Runs `fn` inside a new span, a child of the active one; a thrown error marks the span failed and
 * is rethrown unchanged. Without a registered SDK this is the API's no-op span.
 */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} }, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      failSpan(span, e);
      throw e;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed with what went wrong (the error's class and message; never a stack to a collector we do not control). */
export function failSpan(span: Span, e: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? `${e.name}: ${e.message}` : "failed" });
}

export { SpanKind };
