/**
 * Next calls `register()` once when a server instance starts. Everything it starts lives in the
 * Node.js runtime only: pino, prom-client and Redis need Node APIs, and Rill's routes all run there.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/observability/start-server');
  await startServer();
}
