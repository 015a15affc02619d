/**
 * Reading text aloud with the browser's own speech synthesis. Which voices exist depends on the
 * browser and the system (headless Chromium often has none), and they load after the page does, so
 * the Listen button asks here and hides while there is no voice for the language.
 */
export interface VoiceLike {
  lang: string;
  default?: boolean;
  localService?: boolean;
}

export interface SynthesisLike<Voice extends VoiceLike = VoiceLike> {
  getVoices(): Voice[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/**
 * The voice to read `language` (e.g. 'fr') with: one whose BCP 47 tag has that primary language
 * ('fr-FR', 'fr_CA' as some systems write it), the system default among them first, then one that
 * speaks without a network round trip; undefined when none does.
 */
export function voiceFor<Voice extends VoiceLike>(voices: readonly Voice[], language: string): Voice | undefined {
  const wanted = language.toLowerCase();
  const matching = voices.filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === wanted);
  return matching.find((voice) => voice.default) ?? matching.find((voice) => voice.localService) ?? matching[0];
}

/** Calls `onVoice` with the voice for `language` now and whenever the voices change; returns the unsubscribe. */
export function watchVoice<Voice extends VoiceLike>(synthesis: SynthesisLike<Voice>, language: string, onVoice: (voice: Voice | undefined) => void): () => void {
  const check = () => onVoice(voiceFor(synthesis.getVoices(), language));
  synthesis.addEventListener('voiceschanged', check);
  check();
  return () => synthesis.removeEventListener('voiceschanged', check);
}
