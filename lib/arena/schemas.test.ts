import { expect, test } from 'vitest';
import { arenaAnswerSchema, createBattleSchema, voteSchema } from './schemas';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

test('a battle needs a prompt that says something, of a bounded length', () => {
  expect(createBattleSchema.safeParse({ prompt: 'Hello' }).success).toBe(true);
  expect(messageOf(createBattleSchema.safeParse({ prompt: '   ' }))).toBe('Write a prompt first.');
  expect(messageOf(createBattleSchema.safeParse({ prompt: 'x'.repeat(20_001) }))).toMatch(/at most 20,000 characters/);
  expect(createBattleSchema.safeParse({}).success).toBe(false);
});

test('an answer names a battle and one of its two sides', () => {
  expect(arenaAnswerSchema.safeParse({ battleId: 'b1', side: 'a' }).success).toBe(true);
  expect(messageOf(arenaAnswerSchema.safeParse({ battleId: 'b1', side: 'c' }))).toBe('side must be "a" or "b".');
  expect(arenaAnswerSchema.safeParse({ battleId: '', side: 'b' }).success).toBe(false);
});

test('a vote is one of four choices', () => {
  for (const choice of ['a', 'b', 'tie', 'both-bad']) expect(voteSchema.safeParse({ choice }).success).toBe(true);
  expect(messageOf(voteSchema.safeParse({ choice: 'A' }))).toBe('choice must be one of "a", "b", "tie", "both-bad".');
});
