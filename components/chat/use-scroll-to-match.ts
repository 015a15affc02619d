'use client';

import { useEffect, type RefObject } from 'react';
import { useSearchMatch } from '@/lib/stores/search-match';

/** How long the match is kept centred while the messages around it settle (Markdown, lazy layout). */
const SETTLE_MS = 1_000;
const USER_SCROLLS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Scrolls the list to the search match opened in this conversation once its message is on the
 * page (a long conversation shows its older messages a moment later, from `shownFrom` on).
 * It lets go of the bottom first, or use-stick-to-bottom would pull the list back down as content
 * grows; the user's own scroll or "Jump to latest" takes the list back to the bottom.
 */
export function useScrollToMatch({ conversationId, ids, shownFrom, scrollRef, contentRef, stopScroll }: ScrollToMatchOptions) {
  const opened = useSearchMatch((s) => (s.opened?.conversationId === conversationId ? s.opened : null));
  const showing = useSearchMatch((s) => s.showing);
  const onPage = opened !== null && ids.indexOf(opened.messageId) >= shownFrom;

  useEffect(() => showing(conversationId), [conversationId, showing]);

  useEffect(() => {
    const target = onPage && contentRef.current?.querySelector(`[data-message-id="${CSS.escape(opened.messageId)}"]`);
    if (!target || !scrollRef.current || !contentRef.current) return;
    stopScroll();
    return keepCentred(target, scrollRef.current, contentRef.current);
  }, [opened, onPage, scrollRef, contentRef, stopScroll]);
}

interface ScrollToMatchOptions {
  conversationId: string | undefined;
  /** The conversation's message ids, and the index of the first one on the page. */
  ids: string[];
  shownFrom: number;
  scrollRef: RefObject<HTMLElement | null>;
  contentRef: RefObject<HTMLElement | null>;
  /** use-stick-to-bottom's: lets go of the bottom. */
  stopScroll: () => void;
}

/**
 * Centres `target`, and centres it again while the list around it changes size (messages above it
 * laid out for the first time, an answer's Markdown replacing its plain text), until the list
 * settles or the user scrolls.
 */
function keepCentred(target: Element, scroller: HTMLElement, content: HTMLElement): () => void {
  const centre = () => target.scrollIntoView({ block: 'center' });
  const observer = new ResizeObserver(centre);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const event of USER_SCROLLS) scroller.removeEventListener(event, stop);
  };
  const timer = setTimeout(stop, SETTLE_MS);
  for (const event of USER_SCROLLS) scroller.addEventListener(event, stop, { passive: true });
  centre();
  observer.observe(content);
  observer.observe(target);
  return stop;
}
