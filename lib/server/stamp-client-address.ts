import 'server-only';
import { Server, type IncomingMessage } from 'node:http';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from './client-identity';

/**
 * Route handlers see headers, never the TCP connection, so the server writes the client address into
 * a header of its own before Next.js reads the request: from the socket's peer, and from as many
 * `x-forwarded-for` entries as there are trusted proxies. Whatever the client sent under that name is
 * replaced. Installed once, at start (instrumentation.ts), on every HTTP server of the process.
 */
export function stampClientAddresses(trustedHops: number): void {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithClientAddress(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const forwarded = request.headers['x-forwarded-for'];
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustedHops);
    }
    return emit.call(this, event, ...args);
  } as typeof emit;
}
