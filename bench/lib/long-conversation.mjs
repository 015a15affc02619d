// A long stored conversation for the rendering scenario: questions and markdown answers of the
// kinds a real chat has (prose, lists, code, a table), in the shape the chat keeps in localStorage.

import { benchMarkdownTokens } from '../../e2e/fake-upstream/bench-answer.mjs';

export function longConversation(messageCount) {
  const messages = [];
  for (let i = 0; i < messageCount; i++) {
    const user = i % 2 === 0;
    const text = user ? `Question ${i / 2 + 1}: how does part ${i} work?` : benchMarkdownTokens(120 + (i % 7) * 40).join('');
    messages.push({ id: `m${i}`, role: user ? 'user' : 'assistant', text, createdAt: 1_700_000_000_000 + i * 1000, ...(user ? {} : { status: 'done' }) });
  }
  return { id: 'bench-long-conversation', title: `A conversation of ${messageCount} messages`, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 + messageCount * 1000, settings: {}, messages };
}
