import type { RealtimeItem } from '@openai/agents-realtime';

/** One spoken turn of a voice conversation, as a chat message shows it. */
export interface VoiceTurn {
  /** The provider's item id: the same turn across history updates. */
  itemId: string;
  role: 'user' | 'assistant';
  /** What was said, as transcribed: the user's by the provider's transcription, the answer's by the model itself. */
  text: string;
  /** 'live' while it is still being said or transcribed; 'cut' when the user interrupted the answer. */
  state: 'live' | 'done' | 'cut';
}

/**
 * The turns of a Realtime session's history, in order: user and assistant messages by their
 * transcripts (typed text parts too, should the session carry any). Tool calls and system items are
 * not chat messages.
 */
export function voiceTurnsOf(history: readonly RealtimeItem[]): VoiceTurn[] {
  const turns: VoiceTurn[] = [];
  for (const item of history) {
    if (item.type !== 'message' || item.role === 'system') continue;
    const text = item.content
      .map((part) => ('transcript' in part ? (part.transcript ?? '') : 'text' in part ? part.text : ''))
      .join('')
      .trim();
    const state = item.status === 'incomplete' ? 'cut' : item.status === 'in_progress' || (item.role === 'user' && text === '' && hasPendingTranscript(item)) ? 'live' : 'done';
    turns.push({ itemId: item.itemId, role: item.role, text, state });
  }
  return turns;
}

/** A user's spoken message whose transcript has not arrived (null, not an empty string). */
function hasPendingTranscript(item: Extract<RealtimeItem, { type: 'message'; role: 'user' }>): boolean {
  return item.content.some((part) => part.type === 'input_audio' && part.transcript === null);
}
