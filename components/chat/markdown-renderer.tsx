'use client';

import { memo, useEffect, useMemo, useState, type ComponentProps } from 'react';
import { createIncrementalBlockSplitter } from '@/lib/chat/incremental-blocks';
import { parseMarkdownIntoBlocks, Streamdown, type Components, type ControlsConfig, type PluginConfig } from 'streamdown';

/**
 * Model output is untrusted. Streamdown's default pipeline sanitises it (rehype-sanitize: no
 * <script>, no event handler attributes, only http(s)/mailto/tel links) and hardens URLs; Rill
 * keeps that pipeline and only restyles.
 *
 * An answer is rendered block by block (a paragraph, a list, a code block): every block but the last
 * is settled and rendered once, as its own memoised static Streamdown, so a token re-parses and
 * re-renders only the block it lands in, and finishing the answer re-renders only its last block.
 * The split into blocks is incremental too (incremental-blocks.ts): the cost per token follows the
 * size of the last block, not of the answer.
 */
function ExternalLink({ node: _node, children, href, ...props }: ComponentProps<'a'> & { node?: unknown }) {
  if (!href || href === 'streamdown:incomplete-link') return <span className="font-medium text-brand dark:text-brand-light">{children}</span>;
  return (
    <a {...props} href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-brand underline underline-offset-2 dark:text-brand-light">
      {children}
    </a>
  );
}

// Stable references: Streamdown's memoisation compares these props.
const components: Components = { a: ExternalLink };
const controls: ControlsConfig = { code: { copy: true, download: false }, table: { copy: true, download: false, fullscreen: false }, mermaid: false };
const linkSafety = { enabled: false };
const translations = { copyCode: 'Copy code', copied: 'Copied' };
const noPlugins: PluginConfig = {};
// GitHub's high-contrast light theme: every token colour meets WCAG AA on the code block's background
// (the default light theme's comments and punctuation do not); the dark default already does.
const codeThemes: NonNullable<ComponentProps<typeof Streamdown>['shikiTheme']> = ['github-light-high-contrast', 'github-dark'];

let codePlugin: Promise<PluginConfig> | undefined;

/**
 * Syntax highlighting is set up the first time a settled block holds code, and runs in a Web Worker
 * (worker-highlighting.ts): until its colours arrive, code shows as plain monospace text, laid out
 * exactly as the highlighted text will be.
 */
function useCodeHighlighting(needed: boolean): PluginConfig {
  const [plugins, setPlugins] = useState<PluginConfig>(noPlugins);
  const load = needed && plugins === noPlugins;
  useEffect(() => {
    if (!load) return;
    let live = true;
    codePlugin ??= import('./worker-highlighting').then(({ workerHighlighting }) => ({ code: workerHighlighting(codeThemes) }));
    void codePlugin.then((loaded) => live && setPlugins(loaded));
    return () => {
      live = false;
    };
  }, [load]);
  return plugins;
}

const SettledBlock = memo(function SettledBlock({ text, plugins }: { text: string; plugins: PluginConfig }) {
  return (
    <Streamdown mode="static" components={components} controls={controls} linkSafety={linkSafety} translations={translations} lineNumbers={false} plugins={plugins} shikiTheme={codeThemes}>
      {text}
    </Streamdown>
  );
});

/** The block being written: incomplete markdown is closed for display, the caret sits at its end, code is not highlighted yet. */
function StreamingBlock({ text }: { text: string }) {
  return (
    <Streamdown mode="streaming" isAnimating caret="block" components={components} controls={controls} linkSafety={linkSafety} translations={translations} lineNumbers={false}>
      {text}
    </Streamdown>
  );
}

export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const [split] = useState(() => createIncrementalBlockSplitter(parseMarkdownIntoBlocks));
  const blocks = useMemo(() => split(text), [split, text]);
  const plugins = useCodeHighlighting(/```|~~~/.test(text));
  const last = blocks.length - 1;
  return (
    <div className="markdown">
      {blocks.map((block, index) =>
        streaming && index === last ? <StreamingBlock key={index} text={block} /> : <SettledBlock key={index} text={block} plugins={plugins} />,
      )}
    </div>
  );
}
