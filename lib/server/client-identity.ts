import 'server-only';
import { createHash } from 'node:crypto';
import { rillConfig, type ClientAddressConfig } from '@/lib/config';

/**
 * Set on every request by the server itself (stamp-client-address.ts) from the TCP connection and
 * the trusted part of `x-forwarded-for`; a copy sent by the client is overwritten.
 */
export const CLIENT_ADDRESS_HEADER = 'x-rill-client-address';

/**
 * Which address is the client's. `x-forwarded-for` is a list anyone can start: each proxy appends
 * the peer it saw, so only the last `trustedHops` entries were written by proxies the operator runs.
 * With no trusted proxy the connection's peer is the client, whatever the headers claim.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const chain = [...(forwardedFor ?? '').split(','), peer ?? ''].map((entry) => plainAddress(entry.trim())).filter(Boolean);
  // The peer is the nearest proxy when there is one; step back one entry per trusted proxy. A shorter
  // chain (a request that skipped a proxy) yields its first entry, as Express's `trust proxy` does.
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? 'unknown';
}

/** `::ffff:10.0.0.1` is 10.0.0.1: one client, however the socket reports it. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

/**
 * The client address of a request as the route handler sees it. On Vercel its edge overwrites
 * `x-forwarded-for` with the client's address, so that is used; anywhere else, the server's own stamp.
 * A request without the stamp (a server started some other way) counts as one unknown client:
 * never one the client may choose.
 */
export function clientAddress(headers: Headers, config: ClientAddressConfig = rillConfig().clientAddress): string {
  if (config.onVercel) return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}

/** A short stable hash of the address, for logs and per-client counters that must not hold it. */
export function hashClient(address: string): string {
  return createHash('sha256').update(`rill:${address}`).digest('hex').slice(0, 16);
}

/** Who is asking, as the per-client limits and the logs count them. */
export function clientOf(request: Request): string {
  return hashClient(clientAddress(request.headers));
}

/**
 * A name a client chose (a resumable answer's stream id), made its own: the same id from another
 * client names something else, so an id that leaks or is guessed reads or stops nothing.
 */
export function ownedByClient(clientHash: string, name: string): string {
  return `${clientHash}.${name}`;
}
