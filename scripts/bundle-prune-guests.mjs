// Bundles the operator command scripts/prune-guests.ts into one file that Node runs as it is, wherever
// it is put beside a node_modules: esbuild strips the types, resolves the app's @/ paths (from
// tsconfig.json) and makes `server-only` its empty module, as Next does for server code.
//   node scripts/bundle-prune-guests.mjs <outfile>
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Left as imports of the packages: PGlite finds its WebAssembly Postgres beside its own files, so it
 * cannot be bundled, and the server loads both the same way, so Next's standalone output has them.
 */
export const unbundledPackages = ['@electric-sql/pglite', 'pg'];

export async function bundlePruneGuests(outfile) {
  await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: ['scripts/prune-guests.ts'],
    outfile: resolve(outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: unbundledPackages,
    alias: { 'server-only': './node_modules/server-only/empty.js' },
    logLevel: 'warning',
  });
}

// Run as a command, not imported (complete-standalone.mjs imports it). Not import.meta.main: Node 22.17 and older lack it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [outfile] = process.argv.slice(2);
  if (!outfile) {
    console.error('Usage: node scripts/bundle-prune-guests.mjs <outfile>');
    process.exit(1);
  }
  await bundlePruneGuests(outfile);
}
