'use client';

import { Component, lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

// The Markdown pipeline (remark, rehype, sanitiser) is most of the chat's JavaScript: load it after
// the page, so first load stays small. Until then an answer shows as plain text, which is readable.
const loadRenderer = () => import('./markdown-renderer');
const MarkdownRenderer = lazy(loadRenderer);

/** Fetches the renderer ahead of the first answer (called when a question is sent). */
export function preloadMarkdown() {
  void loadRenderer();
}

/**
 * An answer's text as Markdown. A finished answer far from the viewport stays plain text until it
 * comes near (a long conversation opens without parsing hundreds of answers); the one streaming is
 * always rendered.
 */
export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const plain = useRef<HTMLDivElement>(null);
  // Once rendered, an answer stays rendered: the answer that just finished streaming must not drop
  // back to plain text and be parsed again from scratch when it comes into view.
  const [render, setRender] = useState(streaming);
  if (streaming && !render) setRender(true);

  useEffect(() => {
    const element = plain.current;
    if (render || !element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setRender(true), { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [render]);

  const asText = (
    <div ref={plain} className="markdown whitespace-pre-wrap">
      {text}
    </div>
  );
  if (!render) return asText;
  return (
    <PlainTextOnError fallback={asText}>
      <Suspense fallback={asText}>
        <MarkdownRenderer text={text} streaming={streaming} />
      </Suspense>
    </PlainTextOnError>
  );
}

/**
 * If the renderer cannot load (its chunk is gone after a redeploy, the network dropped) or fails on
 * some input, the answer stays readable as plain text instead of taking the page down with it.
 */
class PlainTextOnError extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
