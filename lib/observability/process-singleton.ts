/**
 * One instance per process, kept on globalThis. Next bundles instrumentation.ts and each route
 * separately (and `next dev` re-evaluates modules on every edit), so a module-level variable could
 * exist several times over; a registry or time series split that way would count nothing useful.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const symbol = Symbol.for(`rill.observability.${key}`);
  return (store[symbol] ??= create());
}
