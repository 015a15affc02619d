'use client';

import { useEffect, useState } from 'react';

/**
 * Copies `text` and says so for a moment ("Copied", or "Copy failed" when the browser refuses the
 * clipboard, so nobody pastes stale text believing it copied). The label names what is copied.
 */
export function CopyButton({ text, label, className, idleText = 'Copy' }: { text: string; label: string; className: string; idleText?: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 2_000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };

  return (
    <button type="button" onClick={() => void copy()} disabled={!text} aria-label={label} className={className}>
      <span aria-live="polite">{outcome === 'copied' ? 'Copied' : outcome === 'failed' ? 'Copy failed' : idleText}</span>
    </button>
  );
}
