import { expect, test } from 'vitest';
import { parsePromptFile, promptFileName, promptsToJson } from './prompt-file';
import { mergeNewest, sameVersions } from '@/lib/owner-list';
import type { SavedPrompt } from './saved-prompt';

const bug: SavedPrompt = { id: 'p1', name: 'Bug report', text: 'Steps to reproduce:', updatedAt: 10 };

test('a file written by export reads back as the same prompts', () => {
  const json = promptsToJson([bug], new Date('2026-01-02T03:04:05Z'));
  expect(JSON.parse(json)).toMatchObject({ format: 'rill-prompts', version: 1, exportedAt: '2026-01-02T03:04:05.000Z' });
  expect(parsePromptFile(json)).toEqual({ ok: true, prompts: [bug] });
  expect(promptFileName(new Date('2026-01-02T03:04:05Z'))).toBe('rill-prompts-2026-01-02.json');
});

test.each([
  ['text that is not JSON', 'not json', /not JSON/],
  ['another kind of file', JSON.stringify({ format: 'rill-conversations', version: 1, conversations: [] }), /not a Rill prompts file \(at format\)/],
  ['a newer version', JSON.stringify({ format: 'rill-prompts', version: 2, prompts: [] }), /at version/],
  ['a prompt without a name', JSON.stringify({ format: 'rill-prompts', version: 1, prompts: [{ ...bug, name: '  ' }] }), /at prompts\.0\.name\): a prompt needs a name/],
  ['a text over the limit', JSON.stringify({ format: 'rill-prompts', version: 1, prompts: [{ ...bug, text: 'x'.repeat(20_001) }] }), /at most 20,000 characters/],
])('refuses %s, saying why', (_, text, message) => {
  const result = parsePromptFile(text);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.error).toMatch(message);
});

test('merging keeps every prompt either list has, and the newer of one both have', () => {
  const older = { ...bug, text: 'old', updatedAt: 5 };
  const other: SavedPrompt = { id: 'p2', name: 'Other', text: 'x', updatedAt: 1 };
  expect(mergeNewest([older, other], [bug])).toEqual([bug, other]);
  expect(mergeNewest([bug], [older])).toEqual([bug]);
  expect(sameVersions([bug, other], [bug, other])).toBe(true);
  expect(sameVersions([bug], [older])).toBe(false);
});
