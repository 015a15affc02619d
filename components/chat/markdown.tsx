'use client';

import { lazy, Suspense } from 'react';

// The Markdown pipeline (remark, rehype, sanitiser) is most of the chat's JavaScript: load it after
// the page, so first load stays small. Until then an answer shows as plain text, which is readable.
const MarkdownRenderer = lazy(() => import('./markdown-renderer'));

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
