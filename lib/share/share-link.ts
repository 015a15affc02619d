import type { Conversation } from '@/lib/chat/types';

/** A live link to a read-only snapshot of a conversation, as its owner sees it in the Share dialog. */
export interface ShareLink {
  /** The link's secret: whoever has it can read the snapshot. */
  id: string;
  createdAt: number;
  /** Epoch ms after which the link no longer opens; null: never. */
  expiresAt: number | null;
}

/** What a link shows: the snapshot as it was taken, and when. */
export interface SharedConversation extends ShareLink {
  conversation: Conversation;
}

/** Why a link shows no conversation; `missing` also stands for a link that never was. */
export type ShareClosed = 'revoked' | 'expired' | 'missing';

export type ShareRead = { status: 'ok'; share: SharedConversation } | { status: ShareClosed };

/** How long a new link may stay open, in days; none: until revoked. */
export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;
export type ShareExpiryDays = (typeof SHARE_EXPIRY_DAYS)[number];

/** What the page of a link that shows nothing says, in the words a reader needs. */
export const shareClosedMessages: Record<Exclude<ShareClosed, 'missing'>, string> = {
  revoked: 'This link was revoked by its owner.',
  expired: 'This link has expired.',
};

export function sharePath(id: string): string {
  return `/share/${encodeURIComponent(id)}`;
}
