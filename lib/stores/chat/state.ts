import type { StateCreator } from 'zustand';
import { updateMessage } from '@/lib/chat/conversation';
import type { Attachment, ChatMessage, ChatSettings, Conversation } from '@/lib/chat/types';

/** The answer being streamed, with what stops it. Never persisted. */
export interface ActiveStream {
  conversationId: string;
  messageId: string;
  /** The server's name for the answer: a reload resumes it, a stop ends it there too. */
  streamId: string;
  controller: AbortController;
}

export interface ConversationsSlice {
  conversations: Record<string, Conversation>;
  /** Settings a new chat starts with (the settings panel edits these before the first message). */
  draftSettings: ChatSettings;
  storageError: string | null;
  /** Why the server's copy of the chats is behind (unreachable, or kept in this browser only); null when in step. */
  historyNotice: string | null;
  /** The server's conversations have been brought in (or could not be): only then is a missing one really missing. */
  historyReady: boolean;
  /** The last deleted conversation, kept in memory so Undo can bring it back. */
  deleted: Conversation | null;
  rename: (conversationId: string, title: string) => void;
  remove: (conversationId: string) => void;
  undoRemove: () => string | undefined;
  /** Changes a conversation's settings, or the draft ones when `conversationId` is undefined. */
  updateSettings: (conversationId: string | undefined, patch: ChatSettings) => void;
  importConversations: (conversations: Conversation[]) => void;
  /** Shows version `position` (1-based) of a message, with the branch that followed it. */
  showVersion: (conversationId: string, messageId: string, position: number) => void;
  dismissStorageError: () => void;
}

export interface RepliesSlice {
  stream: ActiveStream | null;
  /** Sends `text` (and its files) in conversation `conversationId`, or in a new one; returns the conversation's id. */
  send: (conversationId: string | undefined, text: string, attachments?: Attachment[]) => string | undefined;
  stop: () => void;
  /** After a reload, picks up the answer that was streaming (if the server still has it). */
  resumeInterrupted: () => void;
  /** Answers again in place of `assistantMessageId`, keeping it as an earlier version (Regenerate, and Retry after an error). */
  regenerate: (conversationId: string, assistantMessageId: string) => void;
  /** Sends an edited version of a user message (keeping its files), the earlier one (and what followed it) kept as a version. */
  editAndResend: (conversationId: string, userMessageId: string, text: string) => void;
}

export type ChatState = ConversationsSlice & RepliesSlice;

/** One slice of the chat store: its own state and actions, with the whole store's set and get. */
export type ChatSlice<Slice> = StateCreator<ChatState, [['zustand/persist', unknown]], [], Slice>;

/** The state change that applies `update` to one conversation (none when it is gone). */
export function withConversation(state: ChatState, conversationId: string, update: (conversation: Conversation) => Conversation): Partial<ChatState> {
  const conversation = state.conversations[conversationId];
  return conversation ? { conversations: { ...state.conversations, [conversationId]: update(conversation) } } : {};
}

/** The state change that applies `update` to one message: that message and its conversation are new objects, nothing else. */
export function withMessage(state: ChatState, conversationId: string, messageId: string, update: (message: ChatMessage) => ChatMessage): Partial<ChatState> {
  return withConversation(state, conversationId, (conversation) => updateMessage(conversation, messageId, update));
}
