// Runs after `next build`. Next's standalone output (.next/standalone: server.js and the node_modules
// it traced) leaves out the files it serves but does not import: the built assets and public/. With
// them copied in, `node .next/standalone/server.js` is the whole production server, and `npm start`,
// the Docker image and the end-to-end tests all run that one thing. The operator's commands go in
// beside it (`node prune-guests.mjs`), run from the same folder on the same node_modules.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { bundlePruneGuests, unbundledPackages } from './bundle-prune-guests.mjs';

const standalone = '.next/standalone';
if (!existsSync(`${standalone}/server.js`)) {
  console.error(`${standalone}/server.js is missing: next.config.mjs must keep output: 'standalone'.`);
  process.exit(1);
}
// Read at run time, not imported: only next.config.mjs's outputFileTracingIncludes puts them in, and
// a server without them would fail at its first database use rather than here.
const runTimeFiles = [
  'lib/db/migrations/meta/_journal.json',
  'node_modules/@electric-sql/pglite/dist/pglite.wasm',
  'node_modules/@electric-sql/pglite/dist/initdb.wasm',
  'node_modules/@electric-sql/pglite/dist/pglite.data',
  // prune-guests.mjs imports these rather than holding them; the server's tracing brings them in.
  ...unbundledPackages.map((name) => `node_modules/${name}/package.json`),
];
const untraced = runTimeFiles.filter((file) => !existsSync(`${standalone}/${file}`));
if (untraced.length > 0) {
  console.error(`${standalone} lacks ${untraced.join(', ')}: next.config.mjs's outputFileTracingIncludes must name them.`);
  process.exit(1);
}
for (const [from, to] of [
  ['.next/static', `${standalone}/.next/static`],
  ['public', `${standalone}/public`],
]) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
await bundlePruneGuests(`${standalone}/prune-guests.mjs`);
