import type { AnswerMetadata } from '@/lib/protocol/metadata';
import type { RillError } from '@/lib/errors';

/** 'stopped' and 'error' keep whatever text had arrived; a stop is a state, never an error string. */
export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: number;
  /**
   * When its text or status last changed (an edit, more of a streaming answer); absent when never
   * since it was made. `updatedAt ?? createdAt` is its version: where two copies of a message
   * differ, the newer version wins.
   */
  updatedAt?: number;
  status?: MessageStatus;
  /** What a reasoning model thought out loud before this answer (shown collapsed above it; never sent back to the model). */
  reasoning?: string;
  error?: RillError;
  metadata?: AnswerMetadata;
  /** Names the answer on the server while it streams, so a reload can pick up the rest. */
  streamId?: string;
}

export interface ChatSettings {
  model?: string;
  system?: string;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: ChatMessage[];
  settings: ChatSettings;
}
