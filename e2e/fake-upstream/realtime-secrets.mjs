// POST /v1/realtime/client_secrets as OpenAI answers it: an ephemeral `ek_…` key for one Realtime
// session configured by the body, which a browser may use until `expires_at` (seconds).

import { randomBytes } from 'node:crypto';
import { errorBody, finishJson } from './http.mjs';

const SECRET_STATUSES = new Set([401, 429, 500]);

/** `[[secret-status N]]` in the session's instructions: minting fails with that status. */
function secretStatusOf(instructions) {
  const match = /\[\[\s*secret-status\s+(\d+)\s*\]\]/i.exec(typeof instructions === 'string' ? instructions : '');
  const status = match ? Number(match[1]) : undefined;
  return status !== undefined && SECRET_STATUSES.has(status) ? status : undefined;
}

/** The secrets minted so far, by value: a realtime connection presents one. */
export function createSecretStore() {
  return new Map();
}

export function handleClientSecret(req, res, { body, record, secrets, nextSessionId }) {
  const key = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  // An ephemeral key cannot mint another: only the server's own key can.
  if (!key || key.startsWith('ek_')) {
    return finishJson(res, record, 401, errorBody({ message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' }));
  }
  const session = body?.session;
  if (!session || typeof session !== 'object' || session.type !== 'realtime') {
    return finishJson(res, record, 400, errorBody({ message: "Invalid value for 'session.type': expected 'realtime'.", type: 'invalid_request_error', code: 'invalid_value', param: 'session.type' }));
  }
  const failure = secretStatusOf(session.instructions);
  if (failure) return finishJson(res, record, failure, errorBody({ message: `Injected failure ${failure}.`, type: failure === 429 ? 'rate_limit_exceeded' : 'server_error', code: null }));
  const seconds = Number(body.expires_after?.seconds ?? 600);
  const expiresAt = Math.floor(Date.now() / 1000) + (Number.isFinite(seconds) ? seconds : 600);
  const value = `ek_fake_${randomBytes(12).toString('hex')}`;
  const minted = { ...session, id: `sess_fake_${nextSessionId()}`, object: 'realtime.session' };
  secrets.set(value, { session: minted, expiresAt });
  record.secret = value;
  return finishJson(res, record, 200, { value, expires_at: expiresAt, session: minted });
}
