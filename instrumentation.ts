/**
 * Next calls `register()` once when a server instance starts. Observers live in the Node.js runtime
 * only: pino, prom-client and Redis need Node APIs, and Rill's routes all run there.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startRequestObservers } = await import('./lib/observability/request-observer');
  startRequestObservers();
  // Tracing costs nothing unless an OTLP endpoint is configured.
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import('./lib/observability/tracing');
    startTracing();
  }
}
