import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '@/lib/chat/request-schema';
import type { AttachmentStore, StoredAttachment } from '@/lib/db/attachment-store';
import { toModelMessage } from '@/lib/chat/server/chat-answer';
import { withChatFiles, type ChatFilesDependencies } from './chat-files';

const notes: StoredAttachment = { id: 'n'.repeat(64), name: 'stored-name.md', mediaType: 'text/markdown', size: 9, kind: 'text', body: new TextEncoder().encode('# Heading') };
const photo: StoredAttachment = { id: 'p'.repeat(64), name: 'photo.png', mediaType: 'image/png', size: 4, kind: 'image', body: new Uint8Array([1, 2, 3, 4]) };

const part = ({ body: _body, ...attachment }: StoredAttachment, name = attachment.name) => ({ type: 'attachment' as const, ...attachment, name });
const request = (...parts: ReturnType<typeof part>[]): ChatRequest => ({
  messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is this?' }, ...parts] }],
});

function dependencies(stored: StoredAttachment[], change: Partial<ChatFilesDependencies> = {}): ChatFilesDependencies {
  const store = { get: async (_owner: string, ids: readonly string[]) => stored.filter((file) => ids.includes(file.id)) } as unknown as AttachmentStore;
  return { store: async () => store, attachments: { maxBytes: 1_000, perMessage: 10, maxTextChars: 100, textOnlyModels: [] }, model: { mode: 'compatible', defaultModel: 'vision-model' }, enabled: true, ...change };
}

const refusal = async (result: Awaited<ReturnType<typeof withChatFiles>>) => (result.ok ? undefined : { status: result.response.status, ...((await result.response.json()) as object) });

describe('a chat request with files', () => {
  it('sends a text file as a block named as the message names it, before the text, and an image as a file part', async () => {
    const result = await withChatFiles(request(part(notes, 'my "notes".md'), part(photo)), { ownerId: 'guest:a' }, dependencies([notes, photo]));
    if (!result.ok) throw new Error('refused');
    const [turn] = result.data.turns;
    expect(turn!.content).toBe('<file name="my &quot;notes&quot;.md">\n# Heading\n</file>\n\nWhat is this?');
    expect(toModelMessage(turn!)).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: turn!.content },
        { type: 'file', mediaType: 'image/png', filename: 'photo.png', data: { type: 'data', data: photo.body } },
      ],
    });
  });

  it('passes a conversation without files through as text turns, without asking the store', async () => {
    const result = await withChatFiles(request(), {}, dependencies([], { store: () => Promise.reject(new Error('not asked')) }));
    expect(result.ok && result.data.turns).toEqual([{ role: 'user', content: 'What is this?', images: [] }]);
    expect(result.ok && toModelMessage(result.data.turns[0]!)).toEqual({ role: 'user', content: 'What is this?' });
  });

  it('refuses an image for a model that reads text only, naming it', async () => {
    const textOnly = dependencies([photo], { attachments: { maxBytes: 1_000, perMessage: 10, maxTextChars: 100, textOnlyModels: ['vision-model'] } });
    expect(await refusal(await withChatFiles(request(part(photo)), { ownerId: 'guest:a' }, textOnly))).toEqual({
      status: 400,
      code: 'unsupported_media_type',
      error: 'vision-model cannot read images; remove the image or pick another model.',
    });
    const offline = dependencies([photo], { attachments: { maxBytes: 1_000, perMessage: 10, maxTextChars: 100, textOnlyModels: 'all' }, model: { mode: 'offline', defaultModel: 'rill-offline-demo' } });
    expect(await refusal(await withChatFiles(request(part(photo)), { ownerId: 'guest:a' }, offline))).toMatchObject({ error: expect.stringMatching(/^The offline demo model cannot read images/) });
  });

  it('refuses a file the server does not have, too many files, and files without an owner', async () => {
    expect(await refusal(await withChatFiles(request(part(notes)), { ownerId: 'guest:a' }, dependencies([])))).toMatchObject({ status: 400, error: expect.stringContaining('stored-name.md is not on the server') });
    const one = dependencies([notes, photo], { attachments: { maxBytes: 1_000, perMessage: 1, maxTextChars: 100, textOnlyModels: [] } });
    expect(await refusal(await withChatFiles(request(part(notes), part(photo)), { ownerId: 'guest:a' }, one))).toMatchObject({ status: 400, error: 'A message may carry at most 1 file.' });
    expect(await refusal(await withChatFiles(request(part(notes)), {}, dependencies([notes])))).toMatchObject({ status: 400 });
    const down = dependencies([], { store: () => Promise.reject(new Error('down')) });
    expect(await refusal(await withChatFiles(request(part(notes)), { ownerId: 'guest:a' }, down))).toMatchObject({ status: 503, code: 'unavailable' });
  });

  it('reads the files of earlier questions too, so a regenerated answer sees them', async () => {
    const history: ChatRequest = {
      messages: [
        { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Read this' }, part(notes)] },
        { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Done.' }] },
        { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'Again' }] },
      ],
    };
    const result = await withChatFiles(history, { ownerId: 'guest:a' }, dependencies([notes]));
    expect(result.ok && result.data.turns.map((turn) => turn.content)).toEqual(['<file name="stored-name.md">\n# Heading\n</file>\n\nRead this', 'Done.', 'Again']);
  });
});

