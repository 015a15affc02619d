import type { ShareClosed } from '@/lib/db/share-store';

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
