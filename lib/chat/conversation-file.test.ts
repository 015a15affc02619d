import { describe, expect, it } from 'vitest';
import { conversationsToJson, conversationToMarkdown, fileNameFor, parseConversationFile } from './conversation-file';
import type { Conversation } from './types';

const sample: Conversation = {
  id: 'c1',
  title: 'Sorting in Python',
  createdAt: 1,
  updatedAt: 2,
  settings: { model: 'fake-small', system: 'Be terse.', temperature: 0.3 },
  messages: [
    { id: 'u1', role: 'user', text: 'How do I sort a list?', createdAt: 1 },
    { id: 'a1', role: 'assistant', text: 'Use `sorted(xs)`.', createdAt: 2, status: 'done', metadata: { model: 'fake-small' } },
    { id: 'u2', role: 'user', text: 'And in reverse?', createdAt: 3 },
    { id: 'a2', role: 'assistant', text: 'Use', createdAt: 4, status: 'error', error: { code: 'interrupted', message: 'The connection dropped.' } },
  ],
};

describe('conversation files', () => {
  it('round-trips every conversation through JSON', () => {
    const result = parseConversationFile(conversationsToJson([sample]));
    expect(result).toEqual({ ok: true, conversations: [sample] });
  });

  it('marks an answer exported mid-stream as stopped', () => {
    const streaming = { ...sample, messages: [{ ...sample.messages[1]!, status: 'streaming' as const }] };
    const result = parseConversationFile(conversationsToJson([streaming]));
    expect(result.ok && result.conversations[0]?.messages[0]?.status).toBe('stopped');
  });

  it.each([
    ['not JSON', '{"format": "rill-', /not JSON/],
    ['another format', JSON.stringify({ hello: 'world' }), /not a Rill conversations file.*format/],
    ['a newer version', JSON.stringify({ format: 'rill-conversations', version: 9, conversations: [] }), /version/],
    [
      'a broken message',
      JSON.stringify({ format: 'rill-conversations', version: 1, conversations: [{ ...sample, messages: [{ id: 'x', role: 'wizard' }] }] }),
      /conversations\.0\.messages\.0\.role/,
    ],
  ])('rejects %s with a readable message', (_name, text, error) => {
    const result = parseConversationFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('writes a conversation as Markdown, errors as notes rather than answer text', () => {
    const markdown = conversationToMarkdown(sample);
    expect(markdown).toContain('# Sorting in Python');
    expect(markdown).toContain('> System prompt: Be terse.');
    expect(markdown).toContain('## You\n\nHow do I sort a list?');
    expect(markdown).toContain('## Rill (fake-small)\n\nUse `sorted(xs)`.');
    expect(markdown).toContain('_The answer was interrupted: The connection dropped._');
  });

  it('makes safe file names', () => {
    expect(fileNameFor('Sorting in Python?!', 'md')).toBe('sorting-in-python.md');
    expect(fileNameFor('../../etc/passwd', 'json')).toBe('etc-passwd.json');
    expect(fileNameFor('   ', 'md')).toBe('conversation.md');
  });
});
