import { describe, expect, it } from 'vitest';
import { attachmentsIn, conversationsToJson, conversationToMarkdown, fileNameFor, parseConversationFile } from './conversation-file';
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

  it('carries the bodies of attached files, filed under their ids, and reads version 1 files still', () => {
    const attachment = { id: 'f'.repeat(64), name: 'notes.md', mediaType: 'text/markdown', size: 5, kind: 'text' as const };
    const withFile = { ...sample, messages: [{ ...sample.messages[0]!, attachments: [attachment] }] };
    expect(attachmentsIn([withFile, withFile])).toEqual([attachment]);
    const json = conversationsToJson([withFile], new Date(0), [{ ...attachment, body: btoa('hello') }]);
    expect(JSON.parse(json)).toMatchObject({ version: 2, attachments: { [attachment.id]: { name: 'notes.md', body: 'aGVsbG8=' } } });
    expect(parseConversationFile(json)).toEqual({ ok: true, conversations: [withFile], attachments: [{ ...attachment, body: 'aGVsbG8=' }] });
    const v1 = JSON.stringify({ format: 'rill-conversations', version: 1, conversations: [sample] });
    expect(parseConversationFile(v1)).toEqual({ ok: true, conversations: [sample] });
    const misfiled = JSON.stringify({ ...JSON.parse(json), attachments: { other: { ...attachment, body: 'aGVsbG8=' } } });
    expect(parseConversationFile(misfiled)).toMatchObject({ ok: false, error: expect.stringContaining('its own id') });
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
