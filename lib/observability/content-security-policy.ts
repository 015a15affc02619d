/**
 * The page CSP. Inline scripts run only with this response's nonce (Next adds it to its own), and
 * script files only from this origin, so neither markup injected through content nor a script element
 * added at run time can execute code. No 'strict-dynamic': it would let any script element created
 * by running code through, and Next loads its chunks from 'self' without needing it.
 * Styles allow 'unsafe-inline': React's server-rendered `style` attributes (charts, layout) need it,
 * and CSS cannot run script. Images stay on this origin (plus data:/blob:), so a model answer with a
 * Markdown image cannot leak the conversation to another host through the image URL.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** A fresh unguessable nonce per response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
