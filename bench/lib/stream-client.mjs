// A raw HTTP streaming client: it times the first text token and counts tokens by
// searching the bytes for one marker per wire format, without parsing SSE or JSON,
// so the client's own work stays small next to what it measures.

import http from 'node:http';

/** The ways to ask for the same answer: through Rill, through a bare AI SDK route, or straight from the upstream. */
export const routes = {
  rill: {
    path: '/api/chat',
    tokenMark: Buffer.from('"type":"text-delta"'),
    body: (text, settings = {}) => ({ messages: [{ id: 'bench-user-1', role: 'user', parts: [{ type: 'text', text }] }], ...settings }),
  },
  // The same wire format as Rill's (the AI SDK's UI message stream), from the bench's peer.
  bare: {
    path: '/api/chat',
    tokenMark: Buffer.from('"type":"text-delta"'),
    body: (text) => ({ messages: [{ id: 'bench-user-1', role: 'user', parts: [{ type: 'text', text }] }] }),
  },
  // No model at all: Next serving the same number of frames at the same pace (the platform's floor).
  floor: {
    path: '/api/frames',
    tokenMark: Buffer.from('"type":"text-delta"'),
    body: (text) => ({ messages: [{ id: 'bench-user-1', role: 'user', parts: [{ type: 'text', text }] }] }),
  },
  direct: {
    path: '/v1/chat/completions',
    // The role-only first chunk reads `"delta":{"role":…`, so this matches text tokens only.
    tokenMark: Buffer.from('"delta":{"content":"'),
    body: (text) => ({
      model: 'fake-small',
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'You are Rill, a helpful assistant. Answer clearly; use Markdown where it helps.' },
        { role: 'user', content: text },
      ],
    }),
  },
};

export const keepAliveAgent = (sockets) => new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });

/**
 * One streamed request. Times are performance.now() milliseconds.
 * @returns {Promise<{ status: number, startedAt: number, firstTokenAt?: number, lastTokenAt?: number, endedAt: number, tokens: number, bytes: number, error?: string }>}
 */
export function streamOnce({ agent, origin, route, body, timeoutMs = 120_000 }) {
  const payload = JSON.stringify(body);
  const mark = route.tokenMark;
  const result = { status: 0, startedAt: performance.now(), firstTokenAt: undefined, lastTokenAt: undefined, endedAt: 0, tokens: 0, bytes: 0 };
  return new Promise((resolve) => {
    const finish = (error) => {
      if (result.endedAt) return;
      result.endedAt = performance.now();
      if (error) result.error = error;
      resolve(result);
    };
    const req = http.request(`${origin}${route.path}`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no data for ${timeoutMs} ms`)));
    // Whether the server had answered tells a refused or reset connection from a stream cut midway.
    req.on('error', (err) => finish(result.status ? `${err.message} mid-stream` : `${err.message} before any response`));
    req.on('response', (res) => {
      result.status = res.statusCode ?? 0;
      // The tail of the previous chunk, so a marker split across two chunks still counts once.
      let carry = Buffer.alloc(0);
      res.on('data', (chunk) => {
        result.bytes += chunk.length;
        const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        let found = 0;
        for (let at = buf.indexOf(mark); at !== -1; at = buf.indexOf(mark, at + mark.length)) found++;
        if (found) {
          const now = performance.now();
          result.firstTokenAt ??= now;
          result.lastTokenAt = now;
          result.tokens += found;
        }
        carry = buf.subarray(Math.max(0, buf.length - mark.length + 1));
      });
      res.on('end', () => finish(result.status === 200 ? undefined : `HTTP ${result.status}`));
      res.on('error', (err) => finish(err.message));
      res.on('aborted', () => finish('response aborted'));
    });
    req.end(payload);
  });
}

/** Starts `count` streams at once and waits for all of them. */
export function concurrentStreams(count, request) {
  return Promise.all(Array.from({ length: count }, (_, i) => streamOnce(request(i))));
}
