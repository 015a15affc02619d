// A fake OpenAI-compatible upstream (Chat Completions wire format) used by
// tests and by `npm run dev:fake` in place of a real model server. It echoes
// the last user message and misbehaves on request; see directives.mjs.

import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lastUserText } from './answer.mjs';
import { handleChatCompletion } from './chat.mjs';
import { createHolds } from './holds.mjs';
import { errorBody, finishJson, readBody, sendJson, sendText } from './http.mjs';
import { createSecretStore, handleClientSecret } from './realtime-secrets.mjs';

const MODELS = ['fake-small', 'fake-large'];
// Fixed so that snapshots of the model list are stable.
const MODELS_CREATED = 1_700_000_000;

export async function startFakeUpstream({ port = 0, host = '127.0.0.1', defaultPaceMs = 12 } = {}) {
  const log = [];
  let nextId = 1;
  const failedOnce = new Set();
  const repliesSeen = new Map();
  const holds = createHolds();
  const secrets = createSecretStore();
  let nextSessionId = 1;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      // A client that hung up mid-body is not a server bug.
      if (req.destroyed || res.destroyed) return;
      console.error('fake upstream: handler crashed', err);
      if (!res.headersSent) sendJson(res, 500, errorBody({ message: String(err), type: 'server_error', code: null }));
      else res.destroy();
    });
  });

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://fake');

    if (url.pathname === '/__health') return sendText(res, 200, 'ok');
    if (url.pathname === '/__log') return handleLog(req, res, url);
    if (url.pathname === '/__release' && req.method === 'POST') return handleRelease(res, url);
    if (!url.pathname.startsWith('/v1/')) return sendText(res, 404, 'not found');

    const rawBody = await readBody(req);
    let body = null;
    let badJson = false;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        badJson = true;
      }
    }

    const record = {
      id: nextId++,
      method: req.method,
      path: url.pathname,
      headers: { ...req.headers },
      body: body ?? {},
      lastUserText: lastUserText(body?.messages),
      model: typeof body?.model === 'string' ? body.model : null,
      startedAt: Date.now(),
      firstTokenAt: null,
      endedAt: null,
      tokensSent: 0,
      held: false,
      status: null,
      aborted: false,
      completed: false,
    };
    log.push(record);
    res.setHeader('x-request-id', `req_fake_${record.id}`);

    if (badJson) {
      const message = 'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.';
      return finishJson(res, record, 400, errorBody({ message, type: 'invalid_request_error', code: null }));
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      const data = MODELS.map((id) => ({ id, object: 'model', created: MODELS_CREATED, owned_by: 'rill-fake' }));
      return finishJson(res, record, 200, { object: 'list', data });
    }
    if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
      return handleChatCompletion(req, res, { body, record, failedOnce, repliesSeen, defaultPaceMs, defaultModel: MODELS[0], holds });
    }
    if (req.method === 'POST' && url.pathname === '/v1/realtime/client_secrets') {
      return handleClientSecret(req, res, { body, record, secrets, nextSessionId: () => nextSessionId++ });
    }
    // Same answer as api.openai.com, so a client pointed at an endpoint we
    // don't fake (e.g. /v1/responses) fails loudly rather than mysteriously.
    const message = `Invalid URL (${req.method} ${url.pathname})`;
    return finishJson(res, record, 404, errorBody({ message, type: 'invalid_request_error', code: null }));
  }

  // POST /__release?contains=MARKER[&timeoutMs=N]: answers held by [[hold N]] whose request body
  // contains MARKER go on to their next hold or their end; waits for one to get there if none has yet.
  async function handleRelease(res, url) {
    const needle = url.searchParams.get('contains') ?? '';
    const timeoutMs = Number(url.searchParams.get('timeoutMs') ?? 15_000);
    const released = await holds.release((record) => JSON.stringify(record.body ?? null).includes(needle), timeoutMs);
    sendJson(res, released > 0 ? 200 : 404, { released });
  }

  function handleLog(req, res, url) {
    if (req.method === 'DELETE') {
      // Truncate in place: callers may hold the `log` array we returned.
      log.length = 0;
      res.writeHead(204).end();
      return;
    }
    const needle = url.searchParams.get('contains');
    const requests = needle === null ? log : log.filter((r) => JSON.stringify(r.body ?? null).includes(needle));
    sendJson(res, 200, { requests });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/v1`,
    port: actualPort,
    log,
    close() {
      return new Promise((resolve) => {
        // Open streams and keep-alive sockets would otherwise keep close() pending.
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const upstream = await startFakeUpstream({
    port: Number(process.env.FAKE_UPSTREAM_PORT ?? 4217),
    defaultPaceMs: process.env.FAKE_UPSTREAM_PACE_MS ? Number(process.env.FAKE_UPSTREAM_PACE_MS) : undefined,
  });
  console.log(`fake upstream listening on ${upstream.url}`);
  const stop = async () => {
    await upstream.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
