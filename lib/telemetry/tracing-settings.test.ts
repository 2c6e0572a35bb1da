import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICE_NAME, tracingSettings } from "./tracing-settings";

const none = {
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined,
  OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
  OTEL_SERVICE_NAME: undefined,
  OTEL_BSP_SCHEDULE_DELAY: 5_000,
};

describe("tracingSettings", () => {
  it("is off when neither endpoint is set", () => {
    expect(tracingSettings(none)).toBeUndefined();
  });

  it("adds /v1/traces to the collector's base URL, once, and names the service by default", () => {
    expect(tracingSettings({ ...none, OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" })).toEqual({
      tracesUrl: "http://collector:4318/v1/traces",
      serviceName: DEFAULT_SERVICE_NAME,
      batchDelayMs: 5_000,
    });
  });

  it("takes the traces URL as given, before the base URL", () => {
    const settings = tracingSettings({
      ...none,
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://b/otlp/traces",
      OTEL_SERVICE_NAME: "console-eu",
    });
    expect(settings?.tracesUrl).toBe("https://b/otlp/traces");
    expect(settings?.serviceName).toBe("console-eu");
  });
});
