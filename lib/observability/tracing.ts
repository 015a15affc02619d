import 'server-only';
import { OpenTelemetry } from '@ai-sdk/otel';
import { registerOTel } from '@vercel/otel';
import { registerTelemetry } from 'ai';
import { withoutContent } from './telemetry-without-content';
import { rillConfig } from '@/lib/config';

/**
 * Exports Next's request spans and the AI SDK's model-call spans over OTLP, to the endpoint in
 * OTEL_EXPORTER_OTLP_ENDPOINT (headers, protocol and sampling follow the standard OTEL_* variables).
 */
export function startTracing(): void {
  const { tracing, logging } = rillConfig();
  registerOTel({ serviceName: tracing.serviceName });
  // Prompts and answers stay out of traces unless RILL_LOG_CONTENT=1 lets them into logs as well.
  const integration = new OpenTelemetry();
  registerTelemetry(logging.logContent ? integration : withoutContent(integration));
}
