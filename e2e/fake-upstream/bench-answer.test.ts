import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './server.mjs';

let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = await startFakeUpstream({ defaultPaceMs: 0 });
});

afterAll(async () => {
  await upstream?.close();
});

async function answer(content: string): Promise<{ text: string; tokens: number }> {
  const res = await fetch(`${upstream.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-small', messages: [{ role: 'user', content }] }),
  });
  const body = await res.json();
  return { text: body.choices[0].message.content, tokens: body.usage.completion_tokens };
}

describe('[[bench-markdown N]] and [[bench-plain N]]', () => {
  it('answer with exactly N tokens, whatever else the message says', async () => {
    expect((await answer('render [[bench-markdown 1234]] [[pace 0]]')).tokens).toBe(1234);
    expect((await answer('render [[bench-plain 1234]]')).tokens).toBe(1234);
  });

  it('mixes every kind of markdown block a real answer has', async () => {
    const { text } = await answer('[[bench-markdown 600]]');
    expect(text).toMatch(/^## Section 1/);
    expect(text).toMatch(/\*\*\w+ \w+\*\*/);
    expect(text).toMatch(/^- .*`\w+`$/m);
    expect(text).toContain('```ts\n');
    expect(text).toMatch(/^\| --- \| --- \| ---: \|$/m);
    expect(text).toMatch(/^1\. /m);
    expect(text).toMatch(/^> /m);
  });

  it('keeps the plain baseline free of markup but split into paragraphs', async () => {
    const { text } = await answer('[[bench-plain 600]]');
    expect(text).not.toMatch(/[#*`|>[\]-]/);
    expect(text.split('\n\n').length).toBeGreaterThan(5);
  });

  it('is the same text on every run, and a longer answer starts with the shorter one', async () => {
    const short = (await answer('[[bench-markdown 300]]')).text;
    expect((await answer('again [[bench-markdown 300]]')).text).toBe(short);
    expect((await answer('[[bench-markdown 900]]')).text.startsWith(short)).toBe(true);
  });
});
