import { z } from '@/lib/zod';

/** Turns of the open conversation a voice session continues from; the server keeps the newest that fit its budget. */
export const MAX_CONTEXT_TURNS = 200;
export const MAX_CONTEXT_TURN_CHARS = 20_000;

export const voiceSessionRequestSchema = z.strictObject({
  context: z
    .array(z.strictObject({ role: z.enum(['user', 'assistant']), text: z.string().max(MAX_CONTEXT_TURN_CHARS) }))
    .max(MAX_CONTEXT_TURNS)
    .default([]),
});

export type VoiceSessionRequest = z.input<typeof voiceSessionRequestSchema>;
export type ContextTurn = z.output<typeof voiceSessionRequestSchema>['context'][number];

/**
 * What `POST /api/voice/sessions` gives the browser: a short-lived client secret the provider minted
 * for this one session, and where to use it. Never the server's API key.
 */
export interface VoiceSessionGrant {
  /** The provider's ephemeral client secret (`ek_…`): good for connecting until `expiresAt`. */
  secret: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  model: string;
  voice: string;
  transport: 'webrtc' | 'websocket';
  /** The provider's realtime endpoint for that transport. */
  url: string;
  /** The instructions the session was minted with (Rill's, and the earlier turns), which the client keeps when it configures the session. */
  instructions: string;
  transcriptionModel: string;
}
