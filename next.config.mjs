/** Sent with every response; the page CSP (with its per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), browsing-topics=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` blocks its own HMR endpoint for hosts other than localhost; tests and the fake-upstream
  // dev script open the app on 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // A self-contained server in .next/standalone (server.js + the node_modules it needs), for Docker.
  output: 'standalone',
  // PGlite finds its WebAssembly Postgres beside its own files at run time, so it stays a package
  // in node_modules rather than being bundled into the server's chunks.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Files read at run time rather than imported, which tracing cannot see: the database's
  // migrations (lib/db/database.ts) and PGlite's Postgres build. Any route may reach the database.
  outputFileTracingIncludes: {
    '/**': ['./lib/db/migrations/**/*', './node_modules/@electric-sql/pglite/dist/*.wasm', './node_modules/@electric-sql/pglite/dist/pglite.data'],
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // JSON and event streams are never rendered as pages, so they may load and frame nothing.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
