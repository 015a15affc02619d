'use client';

import { useEffect, useState, type ComponentProps } from 'react';
import { createIncrementalBlockSplitter } from '@/lib/chat/incremental-blocks';
import { parseMarkdownIntoBlocks, Streamdown, type CodeHighlighterPlugin, type Components, type ControlsConfig, type PluginConfig } from 'streamdown';

/**
 * Model output is untrusted. Streamdown's default pipeline sanitises it (rehype-sanitize: no
 * <script>, no event handler attributes, only http(s)/mailto/tel links) and hardens URLs; Rill
 * keeps that pipeline and only restyles. Streamdown memoises each block, so a token re-parses and
 * re-renders the last block only; the split into blocks is incremental too (incremental-blocks.ts),
 * so the cost per token does not grow with the length of the answer.
 */
function ExternalLink({ node: _node, children, href, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  if (!href || href === 'streamdown:incomplete-link') return <span className="font-medium text-brand dark:text-brand-light">{children}</span>;
  return (
    <a {...props} href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-brand underline underline-offset-2 dark:text-brand-light">
      {children}
    </a>
  );
}

// Stable references: Streamdown's block memoisation compares these props.
const components: Components = { a: ExternalLink };
const controls: ControlsConfig = { code: { copy: true, download: false }, table: { copy: true, download: false, fullscreen: false }, mermaid: false };
const linkSafety = { enabled: false };
const translations = { copyCode: 'Copy code', copied: 'Copied' };

let codePlugin: Promise<CodeHighlighterPlugin> | undefined;

/** Syntax highlighting (Shiki and its grammars) is fetched the first time an answer has a code block. */
function useCodeHighlighter(text: string): PluginConfig | undefined {
  const [plugins, setPlugins] = useState<PluginConfig>();
  const needed = !plugins && (text.includes('```') || text.includes('~~~'));
  useEffect(() => {
    if (!needed || plugins) return;
    let live = true;
    codePlugin ??= import('@streamdown/code').then((module) => module.code);
    void codePlugin.then((code) => live && setPlugins({ code }));
    return () => {
      live = false;
    };
  }, [needed, plugins]);
  return plugins;
}

export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const plugins = useCodeHighlighter(text);
  const [splitBlocks] = useState(() => createIncrementalBlockSplitter(parseMarkdownIntoBlocks));
  return (
    <Streamdown
      className="markdown"
      mode="streaming"
      isAnimating={streaming}
      components={components}
      controls={controls}
      linkSafety={linkSafety}
      translations={translations}
      lineNumbers={false}
      plugins={plugins}
      parseMarkdownIntoBlocksFn={splitBlocks}
    >
      {text}
    </Streamdown>
  );
}
