// Small response helpers shared by the routes.

// OpenAI always sends `param` (usually null); SDKs read it, so keep the shape.
export const errorBody = ({ message, type, code, param = null }) => ({ error: { message, type, param, code } });

export function sendJson(res, status, payload, headers = {}) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** A complete (non-streamed) answer: the request is done once it is written. */
export function finishJson(res, record, status, payload, headers) {
  record.status = status;
  sendJson(res, status, payload, headers);
  record.completed = true;
  record.endedAt = Date.now();
}

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
