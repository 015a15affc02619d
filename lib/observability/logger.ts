import 'server-only';
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import { rillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';

/**
 * Keys that could carry a secret, wherever they appear one or two levels down. Rill never logs them
 * on purpose; this is the belt to that pair of braces.
 */
const redactedPaths = ['apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization', 'OPENAI_API_KEY'];

export interface LoggerOptions {
  /** Where lines go; stdout when omitted. Tests pass a stream to read what was written. */
  destination?: DestinationStream;
  /** Human-readable lines (development) instead of one JSON object per line (production). */
  pretty?: boolean;
  level?: string;
}

export function createLogger({ destination, pretty = false, level = 'info' }: LoggerOptions = {}): Logger {
  const options = { level, base: { service: 'rill' }, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (pretty) return pino(options, prettyStream(destination));
  // Written asynchronously: a request's log line must not hold up the answers streaming beside it.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** The process's logger: JSON in production, pretty in development. */
export function logger(): Logger {
  return processSingleton('logger', () =>
    createLogger(rillConfig().logging),
  );
}

/**
 * pino-pretty is a development dependency: it is loaded only when asked for, and used as an
 * in-process stream rather than a pino transport, whose worker thread Next's bundler cannot trace.
 */
function prettyStream(destination: DestinationStream | undefined): DestinationStream {
  let pretty: typeof import('pino-pretty');
  try {
    pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  } catch {
    // A development server without dev dependencies installed: JSON lines are still logs.
    return destination ?? pino.destination(1);
  }
  return pretty({ destination: destination ?? 1, colorize: !destination, singleLine: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service', sync: true });
}
