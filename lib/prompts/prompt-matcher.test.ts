import { describe, expect, test } from 'vitest';
import { builtInPrompts } from './built-in-prompts';
import { insertPrompt, matchPrompts, menuPrompts, removeQuery, slashQueryAt } from './prompt-matcher';
import type { SavedPrompt } from './saved-prompt';

const prompt = (name: string, id = name): SavedPrompt => ({ id, name, text: `text of ${name}`, updatedAt: 1 });

describe('slashQueryAt', () => {
  test.each([
    ['/', 1, { start: 0, end: 1, query: '' }],
    ['/bug', 4, { start: 0, end: 4, query: 'bug' }],
    ['/explain c', 10, { start: 0, end: 10, query: 'explain c' }],
    ['Please /sum', 11, { start: 7, end: 11, query: 'sum' }],
    ['First line\n/tr', 14, { start: 11, end: 14, query: 'tr' }],
    ['/bug and more', 4, { start: 0, end: 4, query: 'bug' }],
  ])('finds the query in %j with the caret at %i', (text, caret, expected) => {
    expect(slashQueryAt(text, caret)).toEqual(expected);
  });

  test.each([
    ['no slash', 8],
    ['a/b', 3],
    ['see https://example.com/x', 25],
    ['/bug\nnext line', 14],
    ['/bug', 0],
    [`/${'x'.repeat(101)}`, 102],
  ])('finds none in %j with the caret at %i', (text, caret) => {
    expect(slashQueryAt(text, caret)).toBeNull();
  });
});

describe('matchPrompts', () => {
  const prompts = [prompt('Explain code'), prompt('Code review'), prompt('Bug report'), prompt('Summarise')];

  test('puts names that start with the query first, then those that contain it, ignoring case', () => {
    expect(matchPrompts(prompts, 'CODE').map((p) => p.name)).toEqual(['Code review', 'Explain code']);
  });

  test('matches every prompt, in order, for an empty query', () => {
    expect(matchPrompts(prompts, '')).toEqual(prompts);
  });

  test('matches nothing when no name holds the query', () => {
    expect(matchPrompts(prompts, 'zzz')).toEqual([]);
  });
});

describe('menuPrompts', () => {
  test('lists the saved prompts before the built-ins', () => {
    const names = menuPrompts([prompt('Summary of a meeting')], 'sum').map((p) => p.name);
    expect(names).toEqual(['Summary of a meeting', 'Summarise']);
  });

  test('a saved prompt named like a built-in takes its place', () => {
    const mine = prompt('summarise', 'mine');
    expect(menuPrompts([mine], 'sum')).toEqual([mine]);
    expect(menuPrompts([], '')).toHaveLength(builtInPrompts.length);
  });
});

test('inserting replaces the /query with the text and puts the caret after it', () => {
  const text = 'Hello /sum there';
  const at = slashQueryAt(text, 10)!;
  expect(insertPrompt(text, at, 'Summarise this:')).toEqual({ text: 'Hello Summarise this: there', caret: 21 });
  expect(removeQuery(text, at)).toEqual({ text: 'Hello  there', caret: 6 });
});
