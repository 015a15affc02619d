import { streamText, type Telemetry } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { withoutContent } from './telemetry-without-content';

function model() {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'text-start', id: '1' },
        { type: 'text-delta', id: '1', delta: 'the answer' },
        { type: 'text-end', id: '1' },
        { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } } },
      ]),
    }),
  });
}

describe('withoutContent', () => {
  it('tells the integration to record neither prompts nor answers, for every event it receives', async () => {
    const seen: { name: string; recordInputs?: boolean; recordOutputs?: boolean }[] = [];
    const recorder = new Proxy({} as Telemetry, {
      get: (_target, key) =>
        typeof key === 'string' && key.startsWith('on')
          ? (event: { recordInputs?: boolean; recordOutputs?: boolean }) => seen.push({ name: key, recordInputs: event.recordInputs, recordOutputs: event.recordOutputs })
          : undefined,
    });
    const result = streamText({ model: model(), prompt: 'a private prompt', telemetry: { integrations: [withoutContent(recorder)] } });
    await result.consumeStream();
    expect(await result.text).toBe('the answer');

    expect(seen.map((event) => event.name)).toContain('onStart');
    expect(seen.map((event) => event.name)).toContain('onEnd');
    for (const event of seen) expect(event).toMatchObject({ recordInputs: false, recordOutputs: false });
  });
});
