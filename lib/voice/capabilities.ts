/**
 * Which voice features this deployment's provider offers, as `/api/model` reports them: the page
 * shows a control that works, or says what it needs, instead of a button that fails when pressed.
 */
export type VoiceAvailability = { available: true } | { available: false; reason: string };

export interface VoiceCapabilities {
  /** Live conversation over the Realtime API. */
  realtime: VoiceAvailability;
  /** Dictation into the message box. */
  transcription: VoiceAvailability;
  /** "Read aloud" in the provider's voice (the browser's own voice stands in without it). */
  speech: VoiceAvailability;
}

export type VoiceFeature = keyof VoiceCapabilities;
