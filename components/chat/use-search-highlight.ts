'use client';

import { useEffect, type RefObject } from 'react';
import { rangesOf } from '@/lib/chat/search-words';
import type { OpenedMatch } from '@/lib/stores/search-match';

/** Styled in globals.css as `::highlight(search-match)`. */
const HIGHLIGHT = 'search-match';

/**
 * Flashes the element under `ref` once when a search match in it is opened, and marks the match's
 * words in its text while the match stays open.
 * The marks are a CSS Custom Highlight over the element's text nodes, so the Markdown renderer and
 * React keep their DOM untouched; as they re-render it, the marks are laid again. A browser without
 * the API shows no marks, only the flash.
 */
export function useSearchHighlight(ref: RefObject<HTMLElement | null>, match: OpenedMatch | null) {
  useEffect(() => {
    const root = ref.current;
    if (!root || !match) return;
    root.animate([{ backgroundColor: 'rgb(252 211 77 / 0.45)' }, { backgroundColor: 'transparent' }], { duration: 2_400, easing: 'ease-out' });
    if (typeof Highlight === 'undefined' || !('highlights' in CSS)) return;

    const words = new Set(match.terms);
    const highlight = new Highlight();
    const mark = () => {
      highlight.clear();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const [start, end] of rangesOf(node.textContent ?? '', words)) {
          const range = new Range();
          range.setStart(node, start);
          range.setEnd(node, end);
          highlight.add(range);
        }
      }
    };
    mark();
    CSS.highlights.set(HIGHLIGHT, highlight);
    const observer = new MutationObserver(mark);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      if (CSS.highlights.get(HIGHLIGHT) === highlight) CSS.highlights.delete(HIGHLIGHT);
    };
  }, [ref, match]);
}
