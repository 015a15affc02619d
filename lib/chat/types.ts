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
  /** Files sent with a user message; their bodies are kept apart (lib/attachments), the message holds these references. */
  attachments?: Attachment[];
  /** The other versions of this message (an edited question's earlier wording, a regenerated answer's earlier tries). */
  versions?: MessageVersions;
}

/** A file attached to a user message. */
export interface Attachment {
  /** Names its body in the attachment store (the server's, and this browser's IndexedDB). */
  id: string;
  name: string;
  /** Of the file as the user picked it (image/png, application/pdf…). */
  mediaType: string;
  /** Bytes of the file as the user picked it. */
  size: number;
  /** How the model gets it: as an image, or as the text read from the file. */
  kind: 'image' | 'text';
}

/**
 * The versions of a message other than the one on screen, each with the conversation that followed it:
 * switching version shows that branch, and the model then gets that branch as context.
 */
export interface MessageVersions {
  /** Each other version's message first, then the messages that followed it, in order. */
  others: ChatMessage[][];
  /** Where the version on screen stands among all of them (0-based): others[0..index) come before it. */
  index: number;
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
