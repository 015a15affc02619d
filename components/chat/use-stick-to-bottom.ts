'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scroll area pinned to its end while content grows, until the user scrolls up; then it
 * stays put and `following` turns false (for a "Jump to latest" button). Scrolling back down to the
 * end pins it again. Growth is observed with a ResizeObserver, so a streamed token costs one size
 * check, not a scan of the list.
 */
export function useStickToBottom(resetKey: unknown) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLOListElement>(null);
  const stuck = useRef(true);
  const [following, setFollowing] = useState(true);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!scroller || !content) return;
    let lastTop = scroller.scrollTop;
    const onScroll = () => {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      // Only a move up unpins: our own scrolls only go down, and content can outgrow them between
      // the scroll and its event.
      if (distance < NEAR_BOTTOM_PX) stuck.current = true;
      else if (scroller.scrollTop < lastTop) stuck.current = false;
      lastTop = scroller.scrollTop;
      setFollowing(stuck.current);
    };
    const observer = new ResizeObserver(() => {
      if (stuck.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(content);
    observer.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  // A different conversation opens at its newest message.
  const [followingFor, setFollowingFor] = useState(resetKey);
  if (followingFor !== resetKey) {
    setFollowingFor(resetKey);
    setFollowing(true);
  }
  useEffect(() => {
    stuck.current = true;
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [resetKey]);

  const jumpToLatest = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    stuck.current = true;
    setFollowing(true);
    scroller.scrollTo({ top: scroller.scrollHeight, behavior: 'smooth' });
  }, []);

  return { scrollRef, contentRef, following, jumpToLatest };
}
