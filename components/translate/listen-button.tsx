'use client';

import { useEffect, useState } from 'react';
import { watchVoice } from '@/lib/translate/speech';

/**
 * Reads `text` aloud in `language` with the browser's speech synthesis, and stops it. Absent where
 * the browser has no voice for the language (or no speech synthesis at all): a button that cannot
 * speak would only mislead.
 */
export function ListenButton({ text, language, label }: { text: string; language: string | undefined; /** What is read, as in "Listen to the translation". */ label: string }) {
  // Tagged with its language: a voice found for the previous language is never used for this one.
  const [found, setFound] = useState<{ language: string; voice: SpeechSynthesisVoice | undefined }>();
  const voice = found && found.language === language ? found.voice : undefined;
  const [speaking, setSpeaking] = useState(false);

  useEffect(() => {
    if (!language || typeof speechSynthesis === 'undefined') return;
    return watchVoice(speechSynthesis, language, (voice) => setFound({ language, voice }));
  }, [language]);

  // Whatever was being read is no longer what is shown.
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    return () => {
      if (speaking) speechSynthesis.cancel();
    };
  }, [text, language, speaking]);

  // Disabled rather than gone while there is nothing to read, so it does not come and go with each translation.
  if (!voice) return null;

  const toggle = () => {
    if (speaking) {
      speechSynthesis.cancel();
      setSpeaking(false);
      return;
    }
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    speechSynthesis.speak(utterance);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      disabled={!text.trim()}
      aria-label={speaking ? `Stop reading ${label}` : `Listen to ${label}`}
      className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-200 disabled:opacity-40 disabled:hover:bg-transparent dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {speaking ? 'Stop' : 'Listen'}
    </button>
  );
}
