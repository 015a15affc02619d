import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { conversationStore } from './conversation-store';
import { sharedDatabase } from './database';

let folder: string;

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(folder, { recursive: true, force: true });
});

test('the process opens its database once, and tries again after an attempt that failed', { timeout: 30_000 }, async () => {
  folder = await mkdtemp(join(tmpdir(), 'rill-shared-db-'));
  const dataDir = join(folder, 'data');
  // A file where the data folder should be: opening fails, as on a disk that is full or read-only.
  await writeFile(dataDir, 'in the way');
  vi.stubEnv('RILL_DATA_DIR', dataDir);
  await expect(sharedDatabase()).rejects.toThrow(/ENOTDIR|EEXIST/);

  await rm(dataDir);
  const [first, second] = await Promise.all([sharedDatabase(), sharedDatabase()]);
  expect(second).toBe(first);
  expect(await (await conversationStore()).list('nobody')).toEqual([]);
});
