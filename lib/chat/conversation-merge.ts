import type { ChatMessage, Conversation } from './types';

/** As much of a message as merging needs: the server reads no more than this of messages it does not rewrite. */
export type MessageStamp = Pick<ChatMessage, 'id' | 'createdAt' | 'updatedAt'>;

export type Side = 'stored' | 'incoming';

/** Of two copies of a message, the one with the greater version is the newer. */
export function versionOf(message: MessageStamp): number {
  return message.updatedAt ?? message.createdAt;
}

/**
 * Parts a message is never stripped of, only moved with (its attachments, its other versions), so the
 * newer copy takes them from the older when it lacks them: the server's copy of a question or an
 * answer, saved as the answer streamed, knows neither.
 */
export const HELD_PARTS = ['attachments', 'versions'] as const;

function withHeldParts<Newer extends MessageStamp, Older extends MessageStamp>(newer: Newer, older: Older): Newer {
  const missing = HELD_PARTS.filter((part) => !(part in newer && (newer as Partial<ChatMessage>)[part]) && part in older && (older as Partial<ChatMessage>)[part]);
  if (missing.length === 0) return newer;
  return { ...newer, ...Object.fromEntries(missing.map((part) => [part, (older as Partial<ChatMessage>)[part]])) };
}

/**
 * Two copies of one conversation's messages as one list: of a message both hold, the newer copy (the
 * incoming one on a tie); of one only a side holds, those `keepsUnshared` keeps. The lists are merged
 * by createdAt, each side keeping its own order, the stored one first on equal times, so the result
 * is the same whichever device saved first.
 */
export function mergeMessages<Stored extends MessageStamp, Incoming extends MessageStamp>(
  stored: readonly Stored[],
  incoming: readonly Incoming[],
  keepsUnshared: (message: Stored | Incoming, side: Side) => boolean,
): (Stored | Incoming)[] {
  const storedById = new Map(stored.map((message) => [message.id, message]));
  const incomingById = new Map(incoming.map((message) => [message.id, message]));
  const newerOf = (id: string) => {
    const [kept, arriving] = [storedById.get(id), incomingById.get(id)];
    if (!kept || !arriving) return (kept ?? arriving)!;
    return versionOf(arriving) >= versionOf(kept) ? withHeldParts(arriving, kept) : withHeldParts(kept, arriving);
  };
  const fromStored = stored.filter((message) => incomingById.has(message.id) || keepsUnshared(message, 'stored'));
  const fromIncoming = incoming.filter((message) => storedById.has(message.id) || keepsUnshared(message, 'incoming'));

  const merged: (Stored | Incoming)[] = [];
  const placed = new Set<string>();
  let [s, i] = [0, 0];
  for (;;) {
    while (s < fromStored.length && placed.has(fromStored[s]!.id)) s++;
    while (i < fromIncoming.length && placed.has(fromIncoming[i]!.id)) i++;
    const [nextStored, nextIncoming] = [fromStored[s], fromIncoming[i]];
    const next = nextStored && (!nextIncoming || nextStored.createdAt <= nextIncoming.createdAt) ? nextStored : nextIncoming;
    if (!next) return merged;
    placed.add(next.id);
    merged.push(newerOf(next.id));
  }
}

/**
 * Two copies of one conversation as one. A message only one side holds stays when it changed after
 * the other side last saw the conversation (that side had not seen it yet); otherwise that side
 * deleted it (an edit that cut the conversation short). When the incoming copy says which stored
 * version it was made from (`basedOn`: what its device last had from the server), that is when both
 * sides last saw each other; without it, each side's own last save stands in. Title and settings
 * come from the copy saved last.
 */
export function mergeConversations(stored: Conversation, incoming: Conversation, { basedOn }: { basedOn?: number } = {}): Conversation {
  const newer = incoming.updatedAt >= stored.updatedAt ? incoming : stored;
  const otherSide = { stored: basedOn ?? incoming.updatedAt, incoming: basedOn ?? stored.updatedAt };
  return {
    id: stored.id,
    title: newer.title,
    // The earlier of the two, so that too does not depend on which device saved first.
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
    messages: withoutHiddenCopies(mergeMessages(stored.messages, incoming.messages, (message, side) => versionOf(message) > otherSide[side])),
    settings: newer.settings,
  };
}

/**
 * The messages without those another of them holds as an earlier version (lib/chat/versions.ts): a
 * message is on screen or set aside, never both. Two copies can disagree: a device switched version
 * while the server still had the other branch, or wrote an answer's last save after the switch. The
 * newer version of the messages that hold them decides.
 */
export function withoutHiddenCopies<Message extends Pick<ChatMessage, 'id' | 'createdAt' | 'updatedAt' | 'versions'>>(messages: Message[]): Message[] {
  if (!messages.some((message) => message.versions)) return messages;
  const hidden = new Set<string>();
  const hide = (branch: ChatMessage[]) => {
    for (const message of branch) {
      hidden.add(message.id);
      message.versions?.others.forEach(hide);
    }
  };
  for (const message of messages.toSorted((a, b) => versionOf(b) - versionOf(a))) {
    if (!hidden.has(message.id)) message.versions?.others.forEach(hide);
  }
  return messages.filter((message) => !hidden.has(message.id));
}
