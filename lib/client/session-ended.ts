import type { RillError } from '@/lib/errors';

type Listener = (message: string) => void;

const listeners = new Set<Listener>();

/**
 * The first request to meet an ended session (a forged, expired or revoked cookie) is answered 401
 * and the cookie is forgotten, so the requests after it are a guest's and never hear why. Whichever
 * part of the page met it says so here, and the chat history, which tells the user, listens.
 */
export function reportIfSessionEnded(error: RillError | undefined): void {
  if (error?.code !== 'signed_out') return;
  for (const listener of listeners) listener(error.message);
}

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
