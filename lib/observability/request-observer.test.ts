import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@/lib/server/request-events';
import { createLogger } from './logger';
import { observeRequests } from './request-observer';
import { chatSummary } from './test-summaries';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

function observe({ logContent = false, pretty = false } = {}) {
  const { lines, destination } = capture();
  const metrics: RequestEvent[] = [];
  const series: RequestEvent[] = [];
  const handle = observeRequests({
    log: createLogger({ destination, pretty }),
    metrics: { record: (event) => metrics.push(event) },
    series: { record: (event) => series.push(event) },
    logContent,
  });
  return { handle, lines, metrics, series };
}

const withContent = chatSummary({ content: { prompt: 'my secret plan', answer: 'the secret answer' } });

describe('observeRequests', () => {
  it('writes one JSON line per finished request with the facts an operator needs', () => {
    const { handle, lines } = observe();
    handle({ type: 'stream-open', route: 'chat' });
    handle({ type: 'stream-close', route: 'chat' });
    handle({ type: 'request-end', summary: chatSummary({ source: 'coalesced' }) });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({ level: 30, requestId: 'req-1', route: 'chat', status: 200, model: 'fake-small', ttftMs: 120, durationMs: 900, inputTokens: 12, outputTokens: 40, source: 'coalesced', clientHash: 'abc123' });
    expect(line.msg).toBe('chat 200 ok in 900 ms');
  });

  it('leaves prompt and answer text out unless content logging is switched on', () => {
    const off = observe();
    off.handle({ type: 'request-end', summary: withContent });
    expect(off.lines.join('\n')).not.toContain('secret');

    const on = observe({ logContent: true });
    on.handle({ type: 'request-end', summary: withContent });
    expect(JSON.parse(on.lines[0] ?? '').content).toEqual({ prompt: 'my secret plan', answer: 'the secret answer' });
  });

  it('redacts anything shaped like a key even if it reaches the logger', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ apiKey: 'sk-live-123', headers: { authorization: 'Bearer sk-live-123' } }, 'oops');
    expect(lines.join('\n')).not.toContain('sk-live-123');
  });

  it('logs provider failures as warnings', () => {
    const { handle, lines } = observe();
    handle({ type: 'request-end', summary: chatSummary({ errorCode: 'unavailable' }) });
    handle({ type: 'request-end', summary: chatSummary({ status: 400, errorCode: 'bad_request' }) });
    expect(lines.map((line) => JSON.parse(line).level)).toEqual([40, 30]);
  });

  it('prints readable lines in development', () => {
    const { handle, lines } = observe({ pretty: true });
    handle({ type: 'request-end', summary: chatSummary() });
    expect(lines[0]).toContain('INFO');
    expect(lines[0]).toContain('chat 200 ok in 900 ms');
    expect(() => JSON.parse(lines[0] ?? '')).toThrow();
  });

  it('passes every event to the metrics and the usage series', () => {
    const { handle, metrics, series } = observe();
    const events: RequestEvent[] = [{ type: 'stream-open', route: 'chat' }, { type: 'request-end', summary: chatSummary() }];
    for (const event of events) handle(event);
    expect(metrics).toEqual(events);
    expect(series).toEqual(events);
  });
});
