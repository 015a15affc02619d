// The pure scenarios measure the app's own TypeScript modules in Node, without a Next build:
// esbuild bundles one (its imports and packages included) into a temporary file to import.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { repoRoot } from './repo.mjs';

/** @param {string} path from the repository root, e.g. 'lib/chat/conversation-search.ts' */
export async function importTypeScript(path) {
  const dir = mkdtempSync(join(tmpdir(), 'rill-bench-'));
  try {
    const outfile = join(dir, 'module.mjs');
    await build({ entryPoints: [join(repoRoot, path)], bundle: true, platform: 'node', format: 'esm', outfile, alias: { '@': repoRoot }, logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
