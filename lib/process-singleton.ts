/**
 * One instance per process, kept on globalThis. Next bundles instrumentation.ts and each route
 * separately (and `next dev` re-evaluates modules on every edit), so a module-level variable can
 * exist several times over in one process: the resume route would not see the chat route's answers,
 * and a metrics registry split that way would count nothing useful. Every process-wide service
 * (configuration, model resolver, Redis, pipeline state, rooms, logger, metrics) is made here.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`rill.${key}`);
  return (store[symbol] ??= create());
}
