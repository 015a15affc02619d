import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, test } from 'vitest';
import { createConversationStore } from './conversation-store';

/** A copy of the migrations folder that stops before migration `idx`, as a database made by an older release was. */
async function migrationsBefore(idx: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rill-migrations-'));
  await cp('lib/db/migrations', folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number }[] };
  await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx < idx) }));
  return folder;
}

test('a message kept before messages had versions takes its creation as its version', { timeout: 30_000 }, async () => {
  const older = await migrationsBefore(2);
  const client = await PGlite.create();
  try {
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: older });
    await db.execute(sql`insert into conversations (owner_id, id, title, settings, created_at, updated_at) values ('guest:a', 'c', 'Old', '{}', 1, 7)`);
    await db.execute(sql`insert into messages (owner_id, conversation_id, id, position, role, text, created_at) values ('guest:a', 'c', 'm', 0, 'user', 'hi', 5)`);

    await migrate(db, { migrationsFolder: 'lib/db/migrations' });

    const { rows } = (await db.execute(sql`select updated_at from messages`)) as { rows: { updated_at: number }[] };
    expect(rows).toEqual([{ updated_at: 5 }]);
    expect((await createConversationStore(db).list('guest:a'))[0]!.messages).toStrictEqual([{ id: 'm', role: 'user', text: 'hi', createdAt: 5 }]);
  } finally {
    await client.close();
    await rm(older, { recursive: true, force: true });
  }
});
