import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { fileBlock } from './file-blocks';
import { createOfflineModel, splitIntoTokens } from './offline-model';

describe('offline model', () => {
  it('streams an honest answer token by token, with usage', async () => {
    const result = streamText({ model: createOfflineModel({ paceMs: 0 }), prompt: 'Hello, can you help me plan a trip?' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    const text = deltas.join('');
    expect(deltas.length).toBeGreaterThan(20);
    expect(text).toContain('offline demo model');
    expect(text).toContain('OPENAI_API_KEY');
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(deltas.length);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it('renders a markdown sample on request and explains Rill when asked', async () => {
    const sample = await streamText({ model: createOfflineModel({ paceMs: 0 }), prompt: 'show me a markdown sample' }).text;
    expect(sample).toContain('```ts');
    expect(sample).toContain('| Page |');
    const about = await streamText({ model: createOfflineModel({ paceMs: 0 }), prompt: 'What is Rill?' }).text;
    expect(about).toContain('**Translate**');
  });

  it('counts the turns it was sent, so it is visible that context travels', async () => {
    const text = await streamText({
      model: createOfflineModel({ paceMs: 0 }),
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'two' },
      ],
    }).text;
    expect(text).toContain('turn 2');
  });

  it('says honestly which files it received: names, sizes and the first lines of each text', async () => {
    const text = await streamText({
      model: createOfflineModel({ paceMs: 0 }),
      messages: [{ role: 'user', content: `${fileBlock('plan.md', '# Plan\nStep one\nStep two\nStep three')}\n\nSummarise this` }],
    }).text;
    expect(text).toContain('**plan.md** (35 bytes of text)');
    expect(text).toContain('> # Plan');
    expect(text).toContain('> Step two');
    expect(text).not.toContain('Step three');
    expect(text).toContain('"Summarise this"');
  });

  it('stops producing tokens when aborted', async () => {
    const controller = new AbortController();
    const result = streamText({ model: createOfflineModel({ paceMs: 5 }), prompt: 'hello', abortSignal: controller.signal });
    const deltas: string[] = [];
    for await (const part of result.stream) {
      if (part.type === 'text-delta') deltas.push(part.text);
      if (deltas.length === 3) controller.abort();
    }
    expect(deltas.length).toBe(3);
  });

  it('honours maxOutputTokens', async () => {
    const result = streamText({ model: createOfflineModel({ paceMs: 0 }), prompt: 'hello', maxOutputTokens: 4 });
    expect(splitIntoTokens(await result.text)).toHaveLength(4);
  });
});
