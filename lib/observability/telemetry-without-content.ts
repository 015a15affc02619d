import type { Telemetry } from 'ai';

/**
 * The AI SDK records prompts and answers in its telemetry unless each call opts out. Rill keeps
 * content out of traces as it keeps it out of logs, so this wraps an integration and marks every
 * lifecycle event it receives as "record no inputs, no outputs" (the flags OpenTelemetry reads
 * before adding message attributes to a span). Timing, model and token usage still go through.
 */
export function withoutContent(integration: Telemetry): Telemetry {
  return new Proxy(integration, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || !/^(experimental_)?on[A-Z]/.test(key)) return value;
      return (event: unknown, ...rest: unknown[]) => (value as (...args: unknown[]) => unknown).call(target, hideContent(event), ...rest);
    },
  });
}

function hideContent(event: unknown): unknown {
  if (event === null || typeof event !== 'object') return event;
  return Object.assign(Object.create(Object.getPrototypeOf(event) as object | null) as object, event, { recordInputs: false, recordOutputs: false });
}
