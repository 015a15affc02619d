'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { resumeAfterHydration, useTranslator } from '@/lib/stores/translator';
import { HistoryList } from './history-list';
import { LanguageBar } from './language-bar';
import { OfflineNotice } from './offline-notice';
import { SourcePanel } from './source-panel';
import { TranslationPanel } from './translation-panel';
import { TranslateModeSwitch, type TranslateMode } from './translate-mode-switch';

// Loaded when Document is chosen: /translate's first load stays the text translator's.
const DocumentTranslator = dynamic(() => import('./document-translator').then((module) => module.DocumentTranslator), { ssr: false });

export function TranslatorView() {
  // The text box stays read-only until the stored state is loaded, so nothing typed is overwritten.
  const [ready, setReady] = useState(false);
  const [mode, setMode] = useState<TranslateMode>('text');
  useEffect(() => {
    void Promise.resolve(useTranslator.persist.rehydrate()).then(() => {
      resumeAfterHydration();
      setReady(true);
    });
  }, []);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-3 py-4 sm:px-4">
        <h1 className="sr-only">Translate</h1>
        <OfflineNotice />
        <TranslateModeSwitch mode={mode} onChange={setMode} />
        <LanguageBar />
        {mode === 'text' ? (
          <>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <SourcePanel ready={ready} />
              <TranslationPanel />
            </div>
            <HistoryList />
          </>
        ) : (
          <DocumentTranslator />
        )}
      </div>
    </div>
  );
}
