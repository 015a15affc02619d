import 'server-only';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { createOfflineModel } from '@/lib/ai/offline-model';
import { rillConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { languageHeader } from '../language-header';
import { languageName } from '../languages';
import { readAlternativesPrompt } from '../alternatives';
import { readTranslationPrompt } from '../prompt';

/**
 * What the offline demo model answers to a translation request. It knows a handful of phrases and
 * nothing else, so anything else gets a plain note saying it was not translated, never a guess.
 */
const phraseLanguages = ['en', 'de', 'fr', 'es', 'it', 'ja'] as const;
type PhraseLanguage = (typeof phraseLanguages)[number];

const phrases: Record<PhraseLanguage, string>[] = [
  { en: 'Hello', de: 'Hallo', fr: 'Bonjour', es: 'Hola', it: 'Ciao', ja: 'こんにちは' },
  { en: 'Thank you', de: 'Danke', fr: 'Merci', es: 'Gracias', it: 'Grazie', ja: 'ありがとう' },
  { en: 'Good morning', de: 'Guten Morgen', fr: 'Bonjour', es: 'Buenos días', it: 'Buongiorno', ja: 'おはようございます' },
  { en: 'Good night', de: 'Gute Nacht', fr: 'Bonne nuit', es: 'Buenas noches', it: 'Buona notte', ja: 'おやすみなさい' },
  { en: 'Goodbye', de: 'Auf Wiedersehen', fr: 'Au revoir', es: 'Adiós', it: 'Arrivederci', ja: 'さようなら' },
  { en: 'Please', de: 'Bitte', fr: "S'il vous plaît", es: 'Por favor', it: 'Per favore', ja: 'お願いします' },
  { en: 'How are you?', de: 'Wie geht es dir?', fr: 'Comment ça va ?', es: '¿Cómo estás?', it: 'Come stai?', ja: 'お元気ですか？' },
  { en: 'Welcome', de: 'Willkommen', fr: 'Bienvenue', es: 'Bienvenido', it: 'Benvenuto', ja: 'ようこそ' },
  { en: 'Yes', de: 'Ja', fr: 'Oui', es: 'Sí', it: 'Sì', ja: 'はい' },
];

const NOT_TRANSLATED =
  'Offline demo — not translated. No translation model is connected, so Rill only knows a few built-in phrases ' +
  `(hello, thank you, good morning, good night, goodbye, please, how are you, welcome, yes) in ${phraseLanguages.map((code) => languageName(code)).join(', ')}. ` +
  'Set OPENAI_API_KEY or OPENAI_BASE_URL and restart Rill to translate anything.';

/** The translator's model when no provider is configured: the offline model, answering translation prompts. */
export function offlineTranslator(): LanguageModelV4 {
  return processSingleton('offline-translator', () =>
    createOfflineModel({ paceMs: rillConfig().offlinePaceMs, answer: ({ lastUserText }) => offlineTranslation(lastUserText) }),
  );
}

/** The answer to a translation (or alternatives) prompt; anything else is answered as untranslatable text. */
export function offlineTranslation(userText: string): string {
  const sentence = readAlternativesPrompt(userText);
  if (sentence !== undefined) return offlineAlternatives(sentence);
  const job = readTranslationPrompt(userText);
  if (!job) return NOT_TRANSLATED;
  // A glossary term that is the whole text is its translation: the demo honours glossaries as a model would.
  const term = job.glossary.find((entry) => normalise(entry.source) === normalise(job.text));
  if (term) return term.target;
  const found = findPhrase(job.text);
  if (!found) return NOT_TRANSLATED;
  const translated = (found.row as Partial<Record<string, string>>)[job.target];
  const header = job.detect ? `${languageHeader(found.language)}\n` : '';
  return translated ? header + translated : header + NOT_TRANSLATED;
}

/**
 * Three "alternatives" with no model to write them: the sentence with its ending changed, and one
 * line that says so, so picking one in the demo still shows the sentence being replaced.
 */
function offlineAlternatives(sentence: string): string {
  const core = sentence.trim().replace(/[.!?。！？…]+$/u, '');
  return [`1. ${core}!`, `2. ${core}…`, `3. ${core} (offline demo: no model is connected to suggest real alternatives)`].join('\n');
}

function findPhrase(text: string): { row: Record<PhraseLanguage, string>; language: PhraseLanguage } | undefined {
  const wanted = normalise(text);
  for (const row of phrases) {
    const language = phraseLanguages.find((code) => normalise(row[code]) === wanted);
    if (language) return { row, language };
  }
  return undefined;
}

/** Case, accents, punctuation and spacing do not matter: "¡Hola!" is "hola". */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
