import { titleFrom } from '@/lib/chat/conversation';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import type { PanelRun, PanelSettings } from './panel';

/**
 * A panel's question and answer as a chat conversation of its own, to carry on in Chat: the prompt it
 * sent, the answer as far as it got, and the model, instructions and temperature it ran with.
 */
export function conversationFromPanel(
  asked: { prompt: string; settings: Omit<PanelSettings, 'prompt'> },
  answer: { run: PanelRun; text: string },
  ids: { newId: () => string; now: number },
): Conversation {
  const { run, text } = answer;
  const { model, system, temperature } = asked.settings;
  const question: ChatMessage = { id: ids.newId(), role: 'user', text: asked.prompt, createdAt: run.startedAt };
  const reply: ChatMessage = {
    id: ids.newId(),
    role: 'assistant',
    text,
    createdAt: run.endedAt ?? ids.now,
    // Still streaming when copied: what arrived so far, marked as cut short.
    status: run.status === 'streaming' ? 'stopped' : run.status,
    ...(run.error ? { error: run.error } : {}),
    ...(run.metadata ? { metadata: run.metadata } : {}),
  };
  return {
    id: ids.newId(),
    title: titleFrom(asked.prompt),
    createdAt: ids.now,
    updatedAt: ids.now,
    messages: [question, reply],
    settings: { ...(model ? { model } : {}), ...(system ? { system } : {}), ...(temperature !== undefined ? { temperature } : {}) },
  };
}
