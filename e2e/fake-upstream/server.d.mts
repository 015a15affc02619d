// Types for server.mjs, so TypeScript tests can import it under `strict`.

/** What a Chat Completions request carries, as far as the tests look; the rest passes through untyped. */
export interface ChatCompletionsBody {
  model?: string;
  messages?: { role: string; content: string }[];
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stream?: boolean;
  [field: string]: unknown;
}

export interface FakeUpstreamRecord {
  /** Sequential per server, starting at 1; not reset by DELETE /__log. */
  id: number;
  method: string;
  path: string;
  /** Lower-cased header names, values as received (authorization included). */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; an empty object when the body was empty or malformed. */
  body: ChatCompletionsBody;
  /** Last user message's text, directives still in it ('' if none). */
  lastUserText: string;
  model: string | null;
  startedAt: number;
  firstTokenAt: number | null;
  endedAt: number | null;
  tokensSent: number;
  /** Waiting at a [[hold N]] right now. */
  held: boolean;
  /** HTTP status sent, or null if the connection ended before any status line. */
  status: number | null;
  /** The client closed the connection before the server finished writing. */
  aborted: boolean;
  /** [DONE] or the full JSON body was written. */
  completed: boolean;
  /** POST /v1/realtime/client_secrets: the ephemeral key it minted. */
  secret?: string;
}

export interface FakeUpstreamOptions {
  port?: number;
  host?: string;
  /** Milliseconds between streamed tokens unless a [[pace MS]] directive says otherwise. */
  defaultPaceMs?: number;
}

export interface FakeUpstream {
  /** Base URL including /v1, e.g. http://127.0.0.1:4217/v1 */
  url: string;
  port: number;
  /** Live array of request records (the same data GET /__log returns). */
  log: FakeUpstreamRecord[];
  close(): Promise<void>;
}

export function startFakeUpstream(options?: FakeUpstreamOptions): Promise<FakeUpstream>;
