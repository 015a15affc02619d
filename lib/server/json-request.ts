import 'server-only';
import type { z } from 'zod';
import { rillConfig } from '@/lib/config';
import { jsonError } from './json-response';
import { isJsonContentType } from './request-guard';

export type ParsedRequest<T> = { ok: true; data: T } | { ok: false; response: Response };

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON request body and validates it, answering bad input with a 4xx JSON error. The body is
 * read as a stream and refused (413) as soon as it passes `maxBytes`, so an oversized upload is never
 * buffered whole, whatever its content-length claims; and refused (408) when it has not all arrived
 * within `timeoutMs`, so a client that sends half a body holds neither the handler nor the connection.
 */
export async function parseJsonRequest<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = DEFAULT_MAX_BODY_BYTES, timeoutMs = rillConfig().pipeline.bodyTimeoutMs }: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<ParsedRequest<z.output<Schema>>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return fail(jsonError(415, 'Send the request body as JSON (content-type: application/json).'));
  }
  const declaredLength = Number(request.headers.get('content-length'));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) return fail(tooLarge(maxBytes));

  const text = await readTextWithin(request, maxBytes, timeoutMs);
  if (text === 'too-slow') {
    return fail(bodyTooSlow(timeoutMs));
  }
  if (text === undefined) return fail(tooLarge(maxBytes));

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(jsonError(400, 'The request body is not valid JSON.'));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail(jsonError(400, describeIssue(parsed.error)));
  return { ok: true, data: parsed.data };
}

function fail(response: Response): { ok: false; response: Response } {
  return { ok: false, response };
}

function tooLarge(maxBytes: number): Response {
  return jsonError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

/** The body as text; undefined past `maxBytes`; 'too-slow' when it is not all there within `timeoutMs`. */
async function readTextWithin(request: Request, maxBytes: number, timeoutMs: number): Promise<string | undefined | 'too-slow'> {
  const bytes = await readBodyWithin(request, maxBytes, timeoutMs);
  return bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : bytes;
}

/**
 * The body's bytes, read as a stream: undefined as soon as it passes `maxBytes` (an oversized upload
 * is never buffered whole), 'too-slow' when it is not all there within `timeoutMs`.
 */
export async function readBodyWithin(request: Request, maxBytes: number, timeoutMs: number): Promise<Uint8Array | undefined | 'too-slow'> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'too-slow'>((resolve) => (timer = setTimeout(() => resolve('too-slow'), timeoutMs)));
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const read = await Promise.race([reader.read(), deadline]);
      if (read === 'too-slow') {
        void reader.cancel().catch(() => undefined);
        return read;
      }
      if (read.done) break;
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(read.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

/** The 408 for a body that did not all arrive in time: the connection is closed rather than kept for the rest. */
export function bodyTooSlow(timeoutMs: number): Response {
  return jsonError(408, `The request body did not arrive within ${Math.round(timeoutMs / 1000)} s.`, { headers: { connection: 'close' } });
}

/** The first problem, said with where it is: "messages.0.role: Invalid option: …". */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request body has the wrong shape.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
