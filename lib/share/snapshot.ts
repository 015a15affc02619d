import type { ChatMessage, Conversation } from '@/lib/chat/types';
import type { AnswerMetadata } from '@/lib/protocol/metadata';

/**
 * What a share link holds: the conversation as it is on screen, for someone else to read. Only the
 * branch on screen (other versions of a message are the owner's drafts), no stream ids (they name
 * the owner's answers on the server), and no settings unless the owner said so: a system prompt
 * can hold anything. Of each answer's metadata only what reading it shows stays, and the model it
 * came from only with the settings. Attachments stay as the references they are; their files do not.
 */
export function snapshotOf(conversation: Conversation, { includeSettings }: { includeSettings: boolean }): Conversation {
  return {
    ...conversation,
    settings: includeSettings ? conversation.settings : {},
    messages: conversation.messages.map((message) => sharedMessage(message, includeSettings)),
  };
}

function sharedMessage({ versions: _versions, streamId: _streamId, metadata, ...message }: ChatMessage, includeSettings: boolean): ChatMessage {
  // An answer still streaming when the link was made ends there, in the snapshot.
  const shared: ChatMessage = message.status === 'streaming' ? { ...message, status: 'stopped' } : message;
  const kept = metadata && keptMetadata(metadata, includeSettings);
  return kept ? { ...shared, metadata: kept } : shared;
}

function keptMetadata({ reasoningMs, model }: AnswerMetadata, includeSettings: boolean): AnswerMetadata | undefined {
  const kept: AnswerMetadata = {};
  if (reasoningMs !== undefined) kept.reasoningMs = reasoningMs;
  if (includeSettings && model !== undefined) kept.model = model;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * A reader's own copy of a snapshot ("Continue in my chats"): new ids throughout, so it is a
 * conversation of theirs that neither collides with nor merges into the owner's, dated now.
 */
export function copyOfSnapshot(snapshot: Conversation, { newId, now }: { newId: () => string; now: number }): Conversation {
  return {
    ...snapshot,
    id: newId(),
    createdAt: now,
    updatedAt: now,
    messages: snapshot.messages.map(({ updatedAt: _updatedAt, ...message }) => ({ ...message, id: newId() })),
  };
}
