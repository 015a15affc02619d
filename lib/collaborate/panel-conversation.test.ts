import { describe, expect, it } from 'vitest';
import { conversationFromPanel } from './panel-conversation';

const ids = () => {
  let n = 0;
  return { newId: () => `id-${++n}`, now: 5_000 };
};

describe('conversationFromPanel', () => {
  it('carries the prompt, the answer and the settings into a conversation of its own', () => {
    const conversation = conversationFromPanel(
      { prompt: 'Explain tides\nin two lines', settings: { model: 'gpt-x', system: 'Be brief', temperature: 0.3 } },
      { run: { id: 'r', status: 'done', startedAt: 1_000, endedAt: 2_000, metadata: { model: 'gpt-x-2026', outputTokens: 12 } }, text: '## Tides\nThe moon.' },
      ids(),
    );
    expect(conversation).toEqual({
      id: 'id-3',
      title: 'Explain tides',
      createdAt: 5_000,
      updatedAt: 5_000,
      settings: { model: 'gpt-x', system: 'Be brief', temperature: 0.3 },
      messages: [
        { id: 'id-1', role: 'user', text: 'Explain tides\nin two lines', createdAt: 1_000 },
        { id: 'id-2', role: 'assistant', text: '## Tides\nThe moon.', createdAt: 2_000, status: 'done', metadata: { model: 'gpt-x-2026', outputTokens: 12 } },
      ],
    });
  });

  it('marks an answer copied while it streams as cut short, and leaves unset settings out', () => {
    const conversation = conversationFromPanel({ prompt: 'Hi', settings: {} }, { run: { id: 'r', status: 'streaming', startedAt: 1_000 }, text: 'Hel' }, ids());
    expect(conversation.messages[1]).toMatchObject({ status: 'stopped', text: 'Hel', createdAt: 5_000 });
    expect(conversation.settings).toEqual({});
  });
});
