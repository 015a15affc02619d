import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startPostgresServer } from '@/e2e/support/postgres-server';
import type { ChatMessage, Conversation } from '@/lib/chat/types';
import { readConfig, type RillConfig } from '@/lib/config';
import { createConversationStore, type AnswerConversation, type ConversationStore } from './conversation-store';
import { openDatabase, type Database, type OpenedDatabase } from './database';

/** A place a database can be opened, empty at first, as the config names it. */
interface Backend {
  name: string;
  start: () => Promise<{ config: RillConfig; stop: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'embedded PGlite',
    start: async () => {
      const folder = await mkdtemp(join(tmpdir(), 'rill-pglite-'));
      return { config: readConfig({ RILL_DATA_DIR: folder }), stop: () => rm(folder, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    start: async () => {
      const server = await startPostgresServer();
      return { config: readConfig({ DATABASE_URL: server.url }), stop: server.stop };
    },
  },
];

const T0 = 1_767_225_600_000;

function message(id: string, fields: Partial<ChatMessage> = {}): ChatMessage {
  return { id, role: 'user', text: `text of ${id}`, createdAt: T0, ...fields };
}

function conversation(id: string, updatedAt: number, messages: ChatMessage[] = [message(`${id}-m1`)], fields: Partial<Conversation> = {}): Conversation {
  return { id, title: `title of ${id}`, createdAt: T0, updatedAt, messages, settings: {}, ...fields };
}

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const { rows } = (await db.execute(query)) as { rows: { n: number }[] };
  return rows[0]!.n;
}

const messageCount = (db: Database, ownerId: string) => count(db, sql`select count(*)::int as n from messages where owner_id = ${ownerId}`);

/** Each message row's xmin: the transaction that last wrote it, which changes whenever the row is rewritten. */
async function rowVersions(db: Database, ownerId: string): Promise<Map<string, string>> {
  const { rows } = (await db.execute(sql`select id, xmin::text as version from messages where owner_id = ${ownerId}`)) as { rows: { id: string; version: string }[] };
  return new Map(rows.map((row) => [row.id, row.version]));
}

describe.each(backends)('a conversation store on $name', (backend) => {
  let stop: () => Promise<void>;
  let opened: OpenedDatabase;
  let store: ConversationStore;
  let owner: string;
  let nextOwner = 0;

  beforeAll(async () => {
    const place = await backend.start();
    stop = place.stop;
    opened = await openDatabase(place.config);
    store = createConversationStore(opened.db);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    await stop?.();
  });
  // One database for the file; each test has owners of its own, as every visitor does.
  beforeEach(() => {
    owner = `owner-${++nextOwner}`;
  });

  test('gives back exactly what it was given: optional fields absent stay absent, and a stream id is not kept', async () => {
    const full = message('m1', {
      role: 'assistant',
      text: 'Bonjour « ami » 👋\n```ts\nconst x = "quoted";\n```',
      createdAt: T0 + 1,
      status: 'error',
      error: { code: 'rate_limited', message: 'Slow down.', retryAfter: 12 },
      metadata: { model: 'gpt-4o', ttftMs: 412.5, inputTokens: 0, outputTokens: 31, finishReason: 'length', cached: false },
      streamId: 'stream-1',
    });
    const bare = message('m2');
    const saved = conversation('c1', T0 + 2, [full, bare], { title: '', settings: { model: 'gpt-4o', system: 'Be brief.', temperature: 0.7, maxOutputTokens: 512 } });
    const { streamId: _notKept, ...fullStored } = full;
    const expected = { ...saved, messages: [fullStored, bare] };

    expect(await store.save(owner, saved)).toStrictEqual(expected);
    const [listed] = await store.list(owner);
    expect(listed).toStrictEqual(expected);
    expect(Object.keys(listed!.messages[1]!)).toEqual(['id', 'role', 'text', 'createdAt']);
  });

  test('keeps a long conversation whole, in order, through a message put before all others and a cut', async () => {
    const messages = Array.from({ length: 2_500 }, (_, index) => message(`m${index}`, { role: index % 2 ? 'assistant' : 'user' }));
    const ids = async () => (await store.list(owner))[0]!.messages.map((kept) => kept.id);
    await store.save(owner, conversation('long', T0, messages));
    expect(await ids()).toEqual(messages.map((sent) => sent.id));

    await store.saveMessages(owner, { conversationId: 'long', title: '', settings: {}, createdAt: T0 }, [message('first', { createdAt: T0 - 1 })]);
    expect(await ids()).toEqual(['first', ...messages.map((sent) => sent.id)]);

    await store.save(owner, conversation('long', T0 + 1, [message('first', { createdAt: T0 - 1 })]));
    expect(await ids()).toEqual(['first']);
    expect(await messageCount(opened.db, owner)).toBe(1);
  });

  test('lists an owner’s conversations most recently updated first, and none for an owner without any', async () => {
    for (const [id, updatedAt] of [['a', T0 + 1], ['b', T0 + 3], ['c', T0 + 2]] as const) await store.save(owner, conversation(id, updatedAt));
    expect((await store.list(owner)).map(({ id }) => id)).toEqual(['b', 'c', 'a']);
    expect(await store.list(`${owner}-nobody`)).toEqual([]);
  });

  test('title and settings come from the copy saved last, whichever order the copies arrive in; updatedAt is the later', async () => {
    const older = conversation('c', T0 + 1, [message('m1')], { title: 'older', settings: { temperature: 1 } });
    const newer = conversation('c', T0 + 2, [message('m1')], { title: 'newer', settings: { temperature: 0 } });
    for (const [id, first, second] of [['older-first', older, newer], ['newer-first', newer, older]] as const) {
      await store.save(owner, { ...first, id });
      expect(await store.save(owner, { ...second, id })).toStrictEqual({ ...newer, id });
    }
    expect(await store.list(owner)).toStrictEqual([{ ...newer, id: 'newer-first' }, { ...newer, id: 'older-first' }]);
  });

  test('of a message both copies hold, the newer version wins, whichever copy it is in', async () => {
    await store.save(owner, conversation('c', T0 + 10, [message('m1', { text: 'edited here', updatedAt: T0 + 8 }), message('m2', { text: 'stale here', updatedAt: T0 + 2 })]));
    const incoming = conversation('c', T0 + 11, [message('m1', { text: 'stale there', updatedAt: T0 + 3 }), message('m2', { text: 'edited there', updatedAt: T0 + 9 })]);
    const expected = [message('m1', { text: 'edited here', updatedAt: T0 + 8 }), message('m2', { text: 'edited there', updatedAt: T0 + 9 })];
    expect((await store.save(owner, incoming)).messages).toStrictEqual(expected);
    expect((await store.list(owner))[0]!.messages).toStrictEqual(expected);
  });

  test('an edit that cut the conversation short drops the messages it removed', async () => {
    const asked = [message('u1', { createdAt: T0 + 1 }), message('a1', { role: 'assistant', createdAt: T0 + 2 }), message('u2', { createdAt: T0 + 3 }), message('a2', { role: 'assistant', createdAt: T0 + 4 })];
    await store.save(owner, conversation('c', T0 + 4, asked));
    const edited = conversation('c', T0 + 5, [message('u1', { createdAt: T0 + 1, text: 'asked better', updatedAt: T0 + 5 })]);
    expect(await store.save(owner, edited)).toStrictEqual(edited);
    expect(await store.list(owner)).toStrictEqual([edited]);
    expect(await messageCount(opened.db, owner)).toBe(1);
  });

  test('a message one copy lacks is kept when it was made after that copy was saved, in the order messages were made', async () => {
    const base = [message('u1', { createdAt: T0 + 1 }), message('a1', { role: 'assistant', createdAt: T0 + 2 })];
    await store.save(owner, conversation('c', T0 + 2, base));
    const appended = conversation('c', T0 + 3, [...base, message('u2', { createdAt: T0 + 3 })]);
    expect(await store.save(owner, appended)).toStrictEqual(appended);
    // A device that saves the copy it had before u2 does not take u2 away.
    expect(await store.save(owner, conversation('c', T0 + 2, base))).toStrictEqual(appended);
    expect(await store.list(owner)).toStrictEqual([appended]);
  });

  test('two devices appending to the same conversation end with the same copy whichever saves first', async () => {
    const base = [message('u1', { createdAt: T0 + 1 }), message('a1', { role: 'assistant', createdAt: T0 + 2 })];
    const early = conversation('c', T0 + 11, [...base, message('early-u', { createdAt: T0 + 10 }), message('early-a', { role: 'assistant', createdAt: T0 + 11 })]);
    const late = conversation('c', T0 + 21, [...base, message('late-u', { createdAt: T0 + 20 }), message('late-a', { role: 'assistant', createdAt: T0 + 21 })]);
    const results = [];
    for (const [id, first, second] of [['early-first', early, late], ['late-first', late, early]] as const) {
      await store.save(owner, conversation(id, T0 + 2, base));
      await store.save(owner, { ...first, id });
      results.push({ ...(await store.save(owner, { ...second, id })), id: 'c' });
    }
    expect(results[0]).toStrictEqual(results[1]);
    // The later device's copy says it was saved after the early messages were made, which the merge
    // takes for having seen and dropped them: of two devices that append unaware of each other, the
    // later one's messages are kept.
    expect(results[0]).toStrictEqual(late);
  });

  test('a save that changes one message rewrites that message only', async () => {
    const messages = [message('m1'), message('m2'), message('m3')];
    await store.save(owner, conversation('c', T0, messages));
    const before = await rowVersions(opened.db, owner);
    await store.save(owner, conversation('c', T0 + 1, [messages[0]!, message('m2', { text: 'edited', updatedAt: T0 + 1 }), messages[2]!]));
    const after = await rowVersions(opened.db, owner);
    expect(after.get('m1')).toBe(before.get('m1'));
    expect(after.get('m3')).toBe(before.get('m3'));
    expect(after.get('m2')).not.toBe(before.get('m2'));
  });

  describe('saving an answer as it streams', () => {
    const answerOf = (id: string, fields: Partial<AnswerConversation> = {}): AnswerConversation => ({ conversationId: id, title: `title of ${id}`, settings: { model: 'gpt-4o' }, createdAt: T0, ...fields });
    const answer = (text: string, updatedAt: number, status: ChatMessage['status'] = 'streaming') => message('a1', { role: 'assistant', createdAt: T0 + 2, updatedAt, text, status });
    const asked = message('u1', { createdAt: T0 + 1 });

    test('makes the conversation when there is none, and its updatedAt the newest version saved', async () => {
      await store.saveMessages(owner, answerOf('new'), [asked, answer('Hel', T0 + 3)]);
      expect(await store.list(owner, { now: T0 + 3 })).toStrictEqual([
        { id: 'new', title: 'title of new', createdAt: T0, updatedAt: T0 + 3, settings: { model: 'gpt-4o' }, messages: [asked, answer('Hel', T0 + 3)] },
      ]);
    });

    test('adds the answer after the stored messages, its partial text replaced until the final one, a late partial ignored', async () => {
      const stored = conversation('c', T0 + 1, [asked], { title: 'kept title' });
      await store.save(owner, stored);
      await store.saveMessages(owner, answerOf('c'), [answer('Hel', T0 + 3)]);
      await store.saveMessages(owner, answerOf('c'), [answer('Hello', T0 + 4)]);
      await store.saveMessages(owner, answerOf('c'), [answer('Hello there.', T0 + 5, 'done')]);
      await store.saveMessages(owner, answerOf('c'), [answer('Hello', T0 + 4)]);
      expect(await store.list(owner, { now: T0 + 5 })).toStrictEqual([{ ...stored, updatedAt: T0 + 5, messages: [asked, answer('Hello there.', T0 + 5, 'done')] }]);
    });

    test('writes the saved message only, and puts one made earlier than stored ones in its place', async () => {
      await store.save(owner, conversation('c', T0 + 5, [asked, message('u2', { createdAt: T0 + 5 })]));
      await store.saveMessages(owner, answerOf('c'), [answer('Hel', T0 + 6)]);
      const before = await rowVersions(opened.db, owner);
      await store.saveMessages(owner, answerOf('c'), [answer('Hello', T0 + 7)]);
      const after = await rowVersions(opened.db, owner);
      expect([after.get('u1'), after.get('u2')]).toEqual([before.get('u1'), before.get('u2')]);
      expect(after.get('a1')).not.toBe(before.get('a1'));
      expect((await store.list(owner, { now: T0 + 7 }))[0]!.messages.map(({ id }) => id)).toEqual(['u1', 'a1', 'u2']);
    });

    test('a copy saved as the answer streams keeps the question’s attachments and the answer’s versions', async () => {
      const attachments = [{ id: 'f1', name: 'notes.md', mediaType: 'text/markdown', size: 12, kind: 'text' as const }];
      const versions = { others: [[message('a0', { role: 'assistant', createdAt: T0 + 2, text: 'an earlier try' })]], index: 1 };
      const withParts = conversation('c', T0 + 3, [{ ...asked, attachments }, { ...answer('Hel', T0 + 3), versions }]);
      await store.save(owner, withParts);
      await store.saveMessages(owner, answerOf('c'), [asked, answer('Hello.', T0 + 4, 'done')]);
      const [stored] = await store.list(owner, { now: T0 + 4 });
      expect(stored!.messages).toStrictEqual([{ ...asked, attachments }, { ...answer('Hello.', T0 + 4, 'done'), versions }]);
    });

    test('saved while a device saves the same conversation, ends the same whatever order they land in', async () => {
      const partial = answer('Hel', T0 + 3);
      const asSaved = conversation('c', T0 + 7, [asked, partial, message('u2', { createdAt: T0 + 7 })], { title: 'renamed' });
      const streamed = [answer('Hello', T0 + 4), answer('Hello there.', T0 + 6, 'done')];
      const expected = { ...asSaved, messages: [asked, answer('Hello there.', T0 + 6, 'done'), message('u2', { createdAt: T0 + 7 })] };
      const orders: [string, () => Promise<unknown>][] = [
        ['save-first', async () => { await store.save(owner, { ...asSaved, id: 'save-first' }); for (const version of streamed) await store.saveMessages(owner, answerOf('save-first'), [version]); }],
        ['save-last', async () => { for (const version of streamed) await store.saveMessages(owner, answerOf('save-last'), [version]); await store.save(owner, { ...asSaved, id: 'save-last' }); }],
        ['save-between', async () => { await store.saveMessages(owner, answerOf('save-between'), [streamed[0]!]); await store.save(owner, { ...asSaved, id: 'save-between' }); await store.saveMessages(owner, answerOf('save-between'), [streamed[1]!]); }],
        ['raced', () => Promise.all([store.save(owner, { ...asSaved, id: 'raced' }), ...streamed.map((version) => store.saveMessages(owner, answerOf('raced'), [version]))])],
      ];
      for (const [id, run] of orders) {
        await store.save(owner, conversation(id, T0 + 1, [asked]));
        await run();
      }
      const listed = await store.list(owner, { now: T0 + 7 });
      expect(Object.fromEntries(listed.map((copy) => [copy.id, copy]))).toStrictEqual(Object.fromEntries(orders.map(([id]) => [id, { ...expected, id }])));
    });
  });

  test('an answer left streaming longer than the grace reads as cut off, its text kept; a fresh one is still streaming', async () => {
    const graced = createConversationStore(opened.db, { streamingGraceMs: 60_000 });
    const streaming = (id: string, updatedAt: number) => message(id, { role: 'assistant', text: `part of ${id}`, status: 'streaming', updatedAt });
    await graced.save(owner, conversation('c', T0 + 100_000, [streaming('abandoned', T0 + 10_000), streaming('fresh', T0 + 100_000)]));
    const interrupted = { ...streaming('abandoned', T0 + 10_000), status: 'error', error: { code: 'interrupted', message: 'The answer was cut off when the server stopped. The text so far is kept.' } };

    const [listed] = await graced.list(owner, { now: T0 + 120_000 });
    expect(listed!.messages).toStrictEqual([interrupted, streaming('fresh', T0 + 100_000)]);
    expect((await graced.list(owner, { now: T0 + 70_000 }))[0]!.messages).toStrictEqual([streaming('abandoned', T0 + 10_000), streaming('fresh', T0 + 100_000)]);
    // A save answers with the copy as it reads, too; a device that saves it so settles it for good.
    const saved = await graced.save(owner, { ...listed!, updatedAt: T0 + 120_000 }, { now: T0 + 120_000 });
    expect(saved.messages).toStrictEqual(listed!.messages);
    expect((await graced.list(owner, { now: T0 + 10_000 }))[0]!.messages[0]).toStrictEqual(interrupted);
  });

  test('lists only the conversations updated after `since`, and gives every id the owner has', async () => {
    for (const [id, updatedAt] of [['a', T0 + 1], ['b', T0 + 3], ['c', T0 + 2]] as const) await store.save(owner, conversation(id, updatedAt));
    await store.save(`${owner}-stranger`, conversation('d', T0 + 5));
    expect((await store.list(owner, { since: T0 + 1 })).map(({ id }) => id)).toEqual(['b', 'c']);
    expect((await store.list(owner, { since: T0 + 2 }))[0]).toStrictEqual(conversation('b', T0 + 3));
    expect(await store.list(owner, { since: T0 + 3 })).toEqual([]);
    expect(await store.ids(owner)).toEqual(['a', 'b', 'c']);
    await store.remove(owner, 'b');
    expect(await store.ids(owner)).toEqual(['a', 'c']);
    expect(await store.ids(`${owner}-nobody`)).toEqual([]);
  });

  test('removes a conversation for real, its messages too, and says whether there was one', async () => {
    await store.save(owner, conversation('gone', T0, [message('m1'), message('m2')]));
    await store.save(owner, conversation('kept', T0, [message('m3')]));
    expect(await store.remove(owner, 'gone')).toBe(true);
    expect((await store.list(owner)).map(({ id }) => id)).toEqual(['kept']);
    expect(await count(opened.db, sql`select count(*)::int as n from messages where owner_id = ${owner} and conversation_id = 'gone'`)).toBe(0);
    expect(await store.remove(owner, 'gone')).toBe(false);
  });

  test('keeps owners apart, even with the same conversation id', async () => {
    const stranger = `${owner}-stranger`;
    const mine = conversation('same', T0 + 5, [message('m1', { text: 'mine' })]);
    const theirs = conversation('same', T0, [message('m1', { text: 'theirs' })]);
    await store.save(owner, mine);
    // Older than mine, yet saved: only the owner's own copy counts.
    expect(await store.save(stranger, theirs)).toStrictEqual(theirs);
    expect(await store.list(owner)).toStrictEqual([mine]);
    expect(await store.list(stranger)).toStrictEqual([theirs]);
    expect(await store.remove(owner, 'same')).toBe(true);
    expect(await store.list(stranger)).toStrictEqual([theirs]);
  });

  test('removes every conversation of an owner, and only theirs, saying how many', async () => {
    const stranger = `${owner}-stranger`;
    for (const id of ['a', 'b', 'c']) await store.save(owner, conversation(id, T0));
    await store.save(stranger, conversation('a', T0));
    expect(await store.removeOwner(owner)).toBe(3);
    expect(await store.list(owner)).toEqual([]);
    expect(await messageCount(opened.db, owner)).toBe(0);
    expect(await store.list(stranger)).toHaveLength(1);
    expect(await store.removeOwner(owner)).toBe(0);
  });

  test('removes owners of a prefix idle since a time, whole, and nobody else', async () => {
    const [gone, kept, member] = [`idle:${owner}-gone`, `idle:${owner}-kept`, `${owner}-member`];
    await store.save(gone, conversation('old', T0));
    await store.save(gone, conversation('older', T0 - 5));
    // One recent conversation keeps every conversation of its owner.
    await store.save(kept, conversation('old', T0));
    await store.save(kept, conversation('recent', T0 + 100));
    await store.save(member, conversation('old', T0 - 50));
    // A prefix is matched literally: `_` and `%` are not wildcards.
    await store.save(`idlex${owner}`, conversation('old', T0 - 50));
    expect(await store.removeIdleOwners('idle:', T0 + 50)).toBe(1);
    expect(await store.list(gone)).toEqual([]);
    expect(await messageCount(opened.db, gone)).toBe(0);
    expect(await store.list(kept)).toHaveLength(2);
    expect(await store.list(member)).toHaveLength(1);
    expect(await store.list(`idlex${owner}`)).toHaveLength(1);
    expect(await store.removeIdleOwners('idle_', T0 + 50)).toBe(0);
  });

  test('moves a guest’s conversations to their account; on an id both have, the newer copy wins', async () => {
    const guest = `${owner}-guest`;
    const guestNewer = conversation('both-guest-newer', T0 + 9, [message('g1', { text: 'guest' }), message('g2')]);
    const accountNewer = conversation('both-account-newer', T0 + 8, [message('a1', { text: 'account' })]);
    const guestOnly = conversation('guest-only', T0 + 3);
    const accountOnly = conversation('account-only', T0 + 2);
    await store.save(guest, guestNewer);
    await store.save(guest, conversation('both-account-newer', T0, [message('stale'), message('stale-2')]));
    await store.save(guest, guestOnly);
    await store.save(owner, conversation('both-guest-newer', T0, [message('stale')]));
    await store.save(owner, accountNewer);
    await store.save(owner, accountOnly);

    await store.transfer(guest, owner);

    expect(await store.list(owner)).toStrictEqual([guestNewer, accountNewer, guestOnly, accountOnly]);
    expect(await store.list(guest)).toEqual([]);
    expect(await messageCount(opened.db, guest)).toBe(0);
    expect(await messageCount(opened.db, owner)).toBe(5);
  });

  test('a transfer to the same owner changes nothing', async () => {
    const kept = conversation('c', T0);
    await store.save(owner, kept);
    await store.transfer(owner, owner);
    expect(await store.list(owner)).toStrictEqual([kept]);
  });

  test('concurrent saves of one conversation converge, whatever order they land in', async () => {
    // Each device edited the first message and added one of its own, at its own time.
    const versions = Array.from({ length: 12 }, (_, index) =>
      conversation('raced', T0 + 10 + index, [message('m0', { text: `edit ${index}`, updatedAt: T0 + 10 + index }), message(`added-${index}`, { createdAt: T0 + 10 + index })], { title: `title ${index}` }),
    );
    const shuffled = [...versions].sort(() => Math.random() - 0.5);
    const answers = await Promise.all(shuffled.map((version) => store.save(owner, version)));

    answers.forEach((answer, index) => expect(answer.updatedAt).toBeGreaterThanOrEqual(shuffled[index]!.updatedAt));
    // Every added message but the newest is older than some other device's save, so taken for dropped there.
    const newest = versions.at(-1)!;
    expect(await store.list(owner)).toStrictEqual([newest]);
    expect(await messageCount(opened.db, owner)).toBe(newest.messages.length);
  });

  test('migrating an already migrated database changes nothing, and keeps what it holds', async () => {
    const place = await backend.start();
    try {
      const first = await openDatabase(place.config);
      const kept = conversation('c', T0);
      await createConversationStore(first.db).save(owner, kept);
      await first.close();

      const second = await openDatabase(place.config);
      try {
        expect(await createConversationStore(second.db).list(owner)).toStrictEqual([kept]);
        const migrations = readMigrationFiles({ migrationsFolder: 'lib/db/migrations' });
        expect(await count(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).toBe(migrations.length);
      } finally {
        await second.close();
      }
    } finally {
      await place.stop();
    }
  }, 60_000);
});
