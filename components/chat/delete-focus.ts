import type { Conversation } from '@/lib/chat/types';

/**
 * Where the focus goes around a delete, so it never falls to the page's body: onto Undo after a delete,
 * back onto the row once Undo brings it back.
 */

let nextDeleteWantsFocus = false;
let focusWantedFor: Conversation | null = null;

/** Called as a conversation is deleted from its row: the Undo that follows takes the focus. */
export function focusUndoOfNextDelete() {
  nextDeleteWantsFocus = true;
}

/**
 * Whether the Undo offered for `deleted` should take the focus: the delete asked for it (even once the
 * page it was made on is replaced, as deleting the open chat does), or the focus fell to the body.
 */
export function undoWantsFocus(deleted: Conversation): boolean {
  if (nextDeleteWantsFocus) [focusWantedFor, nextDeleteWantsFocus] = [deleted, false];
  return focusWantedFor === deleted || document.activeElement === document.body;
}

/** Puts the focus on a conversation's row (its link), once the list shows it: after its delete is undone. */
export function focusConversationRow(id: string) {
  focusWantedFor = null;
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-conversation-link="${CSS.escape(id)}"]`)?.focus());
}
