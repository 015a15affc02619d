'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { useGlossaries } from '@/lib/stores/glossaries';
import { resumeAfterHydration, useTranslator } from '@/lib/stores/translator';
import { GlossaryManager } from './glossary-manager';
import { GlossaryPicker } from './glossary-picker';
import { HistoryList } from './history-list';
import { LanguageBar } from './language-bar';
import { OfflineNotice } from './offline-notice';
import { SourcePanel } from './source-panel';
import { TranslationPanel } from './translation-panel';
import { TranslateModeSwitch, type TranslateMode } from './translate-mode-switch';

// Loaded when Document is chosen: /translate's first load stays the text translator's.
const DocumentTranslator = dynamic(() => import('./document-translator').then((module) => module.DocumentTranslator), { ssr: false });

/** `offline`: no model is connected, which the page says from its first paint. */
export function TranslatorView({ offline }: { offline: boolean }) {
  // The text box stays read-only until the stored state is loaded, so nothing typed is overwritten.
  const [ready, setReady] = useState(false);
  const [mode, setMode] = useState<TranslateMode>('text');
  useEffect(() => {
    // The glossaries load first: the stored text's translation may need the chosen one's terms.
    void Promise.all([useTranslator.persist.rehydrate(), useGlossaries.getState().start()]).then(() => {
      resumeAfterHydration();
      setReady(true);
    });
  }, []);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      {/* From 1280 px the history stands beside the text editor rather than below it, so the page is used. */}
      <div
        className={`mx-auto grid w-full max-w-6xl grid-cols-1 gap-3 px-3 py-4 sm:px-4 ${mode === 'text' ? 'xl:max-w-[90rem] xl:grid-cols-[minmax(0,1fr)_22rem] xl:items-start' : ''}`}
      >
        <div className="flex min-w-0 flex-col gap-3">
          <h1 className="sr-only">Translate</h1>
          {offline && <OfflineNotice />}
          <TranslateModeSwitch mode={mode} onChange={setMode} />
          <LanguageBar />
          {mode === 'text' ? (
            <>
              <GlossaryPicker />
              <GlossaryManager />
              <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:min-h-[26rem]">
                <SourcePanel ready={ready} />
                <TranslationPanel />
              </div>
            </>
          ) : (
            <DocumentTranslator />
          )}
        </div>
        {mode === 'text' && <HistoryList />}
      </div>
    </div>
  );
}
