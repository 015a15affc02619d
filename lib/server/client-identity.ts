import 'server-only';
import { createHash } from 'node:crypto';

/** The client address as Vercel and most proxies report it: the first `x-forwarded-for` hop. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'local';
}

/** A short stable hash of the address, for logs and per-client counters that must not hold it. */
export function hashClient(address: string): string {
  return createHash('sha256').update(`rill:${address}`).digest('hex').slice(0, 16);
}

/** Who is asking, as the per-client limits and the logs count them. */
export function clientOf(request: Request): string {
  return hashClient(clientAddress(request.headers));
}
