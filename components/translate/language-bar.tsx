'use client';

import { isLanguageCode, AUTO_DETECT } from '@/lib/translate/languages';
import { knownSourceLanguage, useTranslator } from '@/lib/stores/translator';
import { LanguageCombobox } from './language-combobox';

const detectOption = { value: AUTO_DETECT, label: 'Detect language' };

export function LanguageBar() {
  const source = useTranslator((s) => s.source);
  const target = useTranslator((s) => s.target);
  const canSwap = useTranslator((s) => knownSourceLanguage(s) !== undefined);
  const setSource = useTranslator((s) => s.setSource);
  const setTarget = useTranslator((s) => s.setTarget);
  const swap = useTranslator((s) => s.swap);

  return (
    <div className="grid grid-cols-[1fr_auto_1fr] items-center gap-2">
      <LanguageCombobox
        label="Source language"
        value={source}
        leadingOption={detectOption}
        onChange={(value) => setSource(value === AUTO_DETECT || !isLanguageCode(value) ? AUTO_DETECT : value)}
      />
      <button
        type="button"
        onClick={swap}
        disabled={!canSwap}
        aria-label="Swap languages"
        title={canSwap ? 'Swap languages (the translation becomes the text)' : 'Swap needs a known source language'}
        className="flex h-9 w-9 items-center justify-center rounded-full text-lg text-zinc-600 hover:bg-zinc-100 disabled:opacity-35 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <span aria-hidden>⇄</span>
      </button>
      <LanguageCombobox label="Target language" value={target} align="right" onChange={(value) => isLanguageCode(value) && setTarget(value)} />
    </div>
  );
}
