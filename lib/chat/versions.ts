import type { ChatMessage, Conversation, MessageVersions } from './types';

/**
 * A message's versions as a branch each: the message on screen heads the conversation's tail from its
 * place on, and each other version heads a tail of its own, kept inside the message on screen. Editing
 * a question or regenerating an answer sets the tail aside as a version; switching brings one back.
 */

/** How many versions the message has, and which one (1-based) is on screen; a message never re-made has one. */
export function versionPosition(message: ChatMessage): { current: number; count: number } {
  const versions = message.versions;
  return versions ? { current: versions.index + 1, count: versions.others.length + 1 } : { current: 1, count: 1 };
}

/**
 * The conversation cut short before `messageId`, and the versions the message that takes its place
 * carries: every earlier version, then the tail that was on screen from `messageId` on. A failed answer
 * with no text is not kept as a version: there is nothing in it to go back to.
 */
export function setAside(conversation: Conversation, messageId: string): { kept: Conversation; versions?: MessageVersions } {
  const at = conversation.messages.findIndex((message) => message.id === messageId);
  if (at < 0) return { kept: conversation };
  const kept = { ...conversation, messages: conversation.messages.slice(0, at) };
  const tail = conversation.messages.slice(at);
  const branches = allBranches(tail);
  const head = tail[0]!;
  const worthKeeping = !(head.status === 'error' && !head.text && tail.length === 1);
  const others = worthKeeping ? branches : branches.filter((branch) => branch[0]!.id !== head.id);
  return others.length > 0 ? { kept, versions: { others, index: others.length } } : { kept };
}

/**
 * The conversation with version `position` (1-based) of the message `messageId` on screen, and the
 * branch after it. Every message that comes back is stamped `now`: it is a new version of the
 * conversation's messages, so a device that still shows the other branch takes this one.
 */
export function showVersion(conversation: Conversation, messageId: string, position: number, now: number): Conversation {
  const at = conversation.messages.findIndex((message) => message.id === messageId);
  const head = conversation.messages[at];
  if (!head?.versions) return conversation;
  const branches = allBranches(conversation.messages.slice(at));
  const index = position - 1;
  const chosen = branches[index];
  if (!chosen || index === head.versions.index) return conversation;
  const others = branches.filter((_, other) => other !== index);
  const [chosenHead, ...after] = chosen.map((message) => ({ ...message, updatedAt: now }));
  return { ...conversation, updatedAt: now, messages: [...conversation.messages.slice(0, at), { ...chosenHead!, versions: { others, index } }, ...after] };
}

/** Every version of the tail's first message, each with the messages after it, in their order: the one on screen at its index. */
function allBranches(tail: ChatMessage[]): ChatMessage[][] {
  const [head, ...after] = tail;
  if (!head) return [];
  const { versions, ...bare } = head;
  const onScreen = [bare, ...after];
  if (!versions) return [onScreen];
  return [...versions.others.slice(0, versions.index), onScreen, ...versions.others.slice(versions.index)];
}
