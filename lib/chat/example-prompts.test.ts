import { expect, test } from 'vitest';
import { offlineAnswer } from '@/lib/ai/offline-answers';
import { offlineExamples } from './example-prompts';

test.each(offlineExamples)('the offline model answers "$title" with something it can do, not with what it cannot', ({ prompt }) => {
  const answer = offlineAnswer({ lastUserText: prompt, userTurns: 1, hasSystemPrompt: false });
  expect(answer).not.toMatch(/can't understand/);
});
