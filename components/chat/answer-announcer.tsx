'use client';

import { useEffect, useState } from 'react';
import { useChatStore } from '@/lib/stores/chat/store';

/** Longest text read out at the end of an answer; the rest is on the page. */
const MAX_ANNOUNCED_CHARS = 1_500;

/**
 * What a screen reader hears of an answer: that it started, then its text once it is done, through
 * one polite live region. Never per token, which would be unlistenable. Errors are announced by
 * their own alert (assertive), so nothing is said here for them.
 */
export function AnswerAnnouncer() {
  const [announcement, setAnnouncement] = useState('');

  useEffect(
    () =>
      useChatStore.subscribe((state, previous) => {
        if (state.stream && state.stream.messageId !== previous.stream?.messageId) return setAnnouncement('Rill is writing an answer…');
        const ended = previous.stream && state.stream?.messageId !== previous.stream.messageId ? previous.stream : null;
        if (!ended) return;
        const message = state.conversations[ended.conversationId]?.messages.find((candidate) => candidate.id === ended.messageId);
        if (!message || message.status === 'streaming') return;
        if (message.status === 'done') setAnnouncement(`Rill answered: ${spoken(message.text)}`);
        else if (message.status === 'stopped') setAnnouncement('The answer was stopped.');
      }),
    [],
  );

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="answer-announcer">
      {announcement}
    </div>
  );
}

/** Markdown read as prose: no markers, fences or table rules to be spelled out. */
function spoken(markdown: string): string {
  const text = markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*\|?[-:\s|]+\|?\s*$/gm, '')
    .replace(/[*_`~|]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_ANNOUNCED_CHARS ? `${text.slice(0, MAX_ANNOUNCED_CHARS)}… (the rest is on the page)` : text;
}
