'use client';

import { memo } from 'react';
import { useDocumentTranslator } from '@/lib/stores/document-translator';
import { isTranslatable, type DocumentBlock, type TranslatableBlock } from '@/lib/translate/document-blocks';

const panelClass = 'min-w-0 rounded-xl border p-4 leading-relaxed';

/** The original's blocks on the left, their translation on the right (one above the other on a phone), each paragraph filling in as it arrives. */
export function DocumentPanels() {
  const blocks = useDocumentTranslator((s) => s.document?.blocks);
  if (!blocks) return null;
  const shown = blocks.filter((block) => block.kind !== 'blank');
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
      <section aria-label="Original document" className={`${panelClass} border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900`}>
        {shown.map((block) => (
          <BlockView key={block.id} block={block} text={isTranslatable(block) ? block.text : block.raw} />
        ))}
      </section>
      <section aria-label="Translated document" className={`${panelClass} border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60`}>
        {shown.map((block) => (isTranslatable(block) ? <TranslatedBlock key={block.id} block={block} /> : <BlockView key={block.id} block={block} text={block.raw} />))}
      </section>
    </div>
  );
}

/** One paragraph's translation: re-rendered as its own tokens arrive, not with every other paragraph's. */
const TranslatedBlock = memo(function TranslatedBlock({ block }: { block: TranslatableBlock }) {
  const translation = useDocumentTranslator((s) => s.translations[block.id]);
  const status = translation?.status ?? 'waiting';
  if (!translation?.text) {
    return (
      <BlockView block={block} status={status} text={block.text} faded>
        {status === 'translating' && <span className="sr-only">Translating…</span>}
      </BlockView>
    );
  }
  return <BlockView block={block} status={status} text={translation.text} />;
});

function BlockView({ block, text, status, faded, children }: { block: DocumentBlock; text: string; status?: string; faded?: boolean; children?: React.ReactNode }) {
  const look = faded ? 'text-zinc-400 dark:text-zinc-500' : '';
  switch (block.kind) {
    case 'heading': {
      const level = block.prefix.trim().length;
      return (
        <p data-status={status} className={`mt-3 mb-2 font-semibold first:mt-0 ${level <= 1 ? 'text-xl' : level === 2 ? 'text-lg' : ''} ${look}`}>
          {text}
          {children}
        </p>
      );
    }
    case 'item':
      return (
        <p data-status={status} className={`my-1 whitespace-pre-wrap break-words ${look}`}>
          <span className="text-zinc-500 dark:text-zinc-400">{block.prefix}</span>
          {text}
          {children}
        </p>
      );
    case 'paragraph':
      return (
        <p data-status={status} className={`my-2 whitespace-pre-wrap break-words ${look}`}>
          {text}
          {children}
        </p>
      );
    case 'code':
      return (
        <pre className="my-2 overflow-x-auto rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-800">
          <code>{text}</code>
        </pre>
      );
    default:
      return <p className="my-2 whitespace-pre-wrap break-words text-zinc-500 dark:text-zinc-400">{text}</p>;
  }
}
