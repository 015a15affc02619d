// POST /v1/chat/completions: the echo "model", streamed or not, plus the
// failures the directives ask for.

import { parseDirectives } from './directives.mjs';
import { answerTokens, estimatePromptTokens } from './answer.mjs';
import { errorBody, finishJson } from './http.mjs';

const ERRORS = {
  401: () => ({ message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' }),
  404: (model) => ({
    message: `The model \`${model}\` does not exist`,
    type: 'invalid_request_error',
    code: 'model_not_found',
  }),
  429: () => ({ message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' }),
  500: () => ({ message: 'The server had an error', type: 'server_error', code: null }),
};

/**
 * @param {{ body: any, record: any, failedOnce: Set<string>, repliesSeen: Map<string, number>, defaultPaceMs: number, defaultModel: string, holds: import('./holds.mjs').Holds }} ctx
 */
export async function handleChatCompletion(req, res, { body, record, failedOnce, repliesSeen, defaultPaceMs, defaultModel, holds }) {
  if (!Array.isArray(body?.messages)) {
    return finishJson(
      res,
      record,
      400,
      errorBody({
        message: "Missing required parameter: 'messages'.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing_required_parameter',
      }),
    );
  }

  const { directives, cleanText } = parseDirectives(record.lastUserText);

  let failStatus = directives.status;
  // Keyed on the full last-user text: the same prompt fails once and then
  // works, which is what a client's retry sees from a flaky real upstream.
  if (failStatus === undefined && directives.failOnce !== undefined && !failedOnce.has(record.lastUserText)) {
    failedOnce.add(record.lastUserText);
    failStatus = directives.failOnce;
  }
  if (failStatus !== undefined) {
    const headers = failStatus === 429 ? { 'retry-after': String(directives.retryAfter ?? 1) } : undefined;
    return finishJson(res, record, failStatus, errorBody(ERRORS[failStatus](record.model)), headers);
  }

  if (directives.replies) {
    directives.repliesCall = repliesSeen.get(directives.replies.key) ?? 0;
    repliesSeen.set(directives.replies.key, directives.repliesCall + 1);
  }
  let tokens = answerTokens(cleanText, directives);
  let finishReason = 'stop';
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  // Hidden reasoning is output too: it is billed, and spends the max_tokens budget before the answer does.
  let hiddenReasoning = directives.thinkHidden ? directives.think : 0;
  if (typeof maxTokens === 'number' && hiddenReasoning + tokens.length > maxTokens) {
    hiddenReasoning = Math.min(hiddenReasoning, Math.max(0, maxTokens));
    tokens = tokens.slice(0, Math.max(0, maxTokens - hiddenReasoning));
    finishReason = 'length';
  }
  const promptTokens = estimatePromptTokens(body.messages);
  const completionTokens = hiddenReasoning + tokens.length;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    // As OpenAI reports a reasoning model's usage: the reasoning tokens are a part of completion_tokens.
    ...(directives.thinkHidden && {
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: hiddenReasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    }),
  };
  // Key order as OpenAI sends it; `object` is filled in per response type.
  const common = {
    id: `chatcmpl-fake${record.id}`,
    object: '',
    created: Math.floor(record.startedAt / 1000),
    model: record.model ?? defaultModel,
    system_fingerprint: 'fp_rill_fake',
  };

  // Everything below waits on timers; a client that hangs up must stop them,
  // otherwise we would keep writing into a dead socket and mis-log the request.
  let timer = null;
  let cutByUs = false;
  res.on('close', () => {
    clearTimeout(timer);
    holds.drop(record);
    if (!record.completed && !cutByUs) {
      record.aborted = true;
      record.endedAt = Date.now();
    }
  });
  const sleep = (ms) => new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  const gone = () => res.destroyed || res.writableEnded;
  // Destroying the socket (not ending the response) is what a crashed or
  // disconnected upstream looks like to the client: a stream that just stops.
  // setImmediate lets Node flush the last written token first (chunked
  // writes are corked until the next tick), so exactly N tokens get out.
  const cutNow = () => {
    cutByUs = true;
    record.endedAt = Date.now();
    setImmediate(() => res.socket?.destroy());
  };

  if (!body.stream) {
    if (directives.slow) await sleep(directives.slow);
    if (gone()) return;
    if (directives.cut !== undefined) return cutNow();
    return finishJson(res, record, 200, {
      ...common,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: tokens.join(''), refusal: null },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage,
    });
  }

  const includeUsage = body.stream_options?.include_usage === true;
  // With include_usage OpenAI puts `usage: null` on every chunk but the last.
  const chunk = (choices, extra = includeUsage ? { usage: null } : {}) =>
    `data: ${JSON.stringify({ ...common, object: 'chat.completion.chunk', choices, ...extra })}\n\n`;
  const choice = (delta, finish_reason = null) => [{ index: 0, delta, logprobs: null, finish_reason }];

  if (directives.stallHeaders) await sleep(directives.stallHeaders);
  if (gone()) return;
  record.status = 200;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(chunk(choice({ role: 'assistant', content: '' })));

  if (directives.streamError !== undefined) {
    res.write(`data: ${JSON.stringify(errorBody(ERRORS[directives.streamError](record.model)))}\n\n`);
    res.write('data: [DONE]\n\n');
    record.completed = true;
    record.endedAt = Date.now();
    return res.end();
  }

  const pace = directives.pace ?? defaultPaceMs;
  if (directives.slow) await sleep(directives.slow);
  // The model thinks, unseen, at its usual pace before the answer's first token.
  if (hiddenReasoning > 0 && pace > 0) await sleep(hiddenReasoning * pace);
  const holdAt = new Set(directives.holds ?? []);
  for (let i = 0; i < tokens.length; i++) {
    if (gone()) return;
    if (i === directives.cut) return cutNow();
    if (holdAt.has(i)) {
      await holds.wait(record);
      if (gone()) return;
    }
    if (i > 0 && pace > 0) {
      await sleep(pace);
      if (gone()) return;
    }
    res.write(chunk(choice({ content: tokens[i] })));
    record.firstTokenAt ??= Date.now();
    record.tokensSent++;
  }
  if (gone()) return;
  if (directives.cut !== undefined) return cutNow();

  if (!directives.noFinish) res.write(chunk(choice({}, finishReason)));
  if (includeUsage && !directives.noFinish) res.write(chunk([], { usage }));
  res.write('data: [DONE]\n\n');
  record.completed = true;
  record.endedAt = Date.now();
  res.end();
}
