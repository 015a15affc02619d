'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAnswer } from '@/lib/client/answer-client';
import type { RillError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/translate/languages';
import type { TranslateRequestBody } from '@/lib/translate/request-schema';

export interface TranslationState {
  target: LanguageCode;
  text: string;
  status: 'streaming' | 'done' | 'stopped' | 'error';
  error?: RillError;
}

/**
 * A translation of one message, streamed from /api/translate beside it. Local to the message: it
 * is a view of the text, not part of the conversation, so it is neither sent nor saved.
 */
export function useTranslation() {
  const [state, setState] = useState<TranslationState | null>(null);
  const controller = useRef<AbortController | null>(null);
  const source = useRef<{ text: string; target: LanguageCode }>({ text: '', target: 'en' });

  const start = useCallback((text: string, target: LanguageCode) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    source.current = { text, target };
    setState({ target, text: '', status: 'streaming' });
    void fetchAnswer('/api/translate', { text, target } satisfies TranslateRequestBody, current.signal, {
      onText: (delta) => setState((previous) => previous && { ...previous, text: previous.text + delta }),
    }).then((outcome) => {
      if (controller.current !== current) return;
      controller.current = null;
      setState((previous) => previous && { ...previous, status: outcome.status, error: outcome.status === 'error' ? outcome.error : undefined });
    });
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);
  const retry = useCallback(() => start(source.current.text, source.current.target), [start]);
  const close = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState(null);
  }, []);

  useEffect(() => () => controller.current?.abort(), []);

  return { state, start, stop, retry, close };
}
