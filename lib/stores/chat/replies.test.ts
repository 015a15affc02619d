import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../fake-fetch';
import { useChatStore } from './store';

let server: ReturnType<typeof fakeFetch>;
beforeEach(() => {
  server = fakeFetch();
  vi.stubGlobal('fetch', server.fetch);
  useChatStore.setState({ conversations: {}, draftSettings: {}, stream: null, deleted: null, storageError: null });
});
afterEach(() => vi.unstubAllGlobals());

const chat = () => useChatStore.getState();
const messagesOf = (id: string) => chat().conversations[id]!.messages;
const lastMessage = (id: string) => messagesOf(id).at(-1)!;

/** Sends `text` in a new conversation and takes the request it makes. */
async function sendNew(text: string) {
  const id = chat().send(undefined, text)!;
  return { id, request: await server.next() };
}

describe('chat replies', () => {
  it('send streams the answer into a new conversation, token by token, then marks it done', async () => {
    useChatStore.setState({ draftSettings: { model: 'fake-large', temperature: 0.2 } });
    const { id, request } = await sendNew('Hello there');
    expect(chat().conversations[id]).toMatchObject({ title: 'Hello there', settings: { model: 'fake-large', temperature: 0.2 } });
    expect(request).toMatchObject({ url: '/api/chat', method: 'POST' });
    expect(request.body).toMatchObject({ id, model: 'fake-large', temperature: 0.2, messages: [{ role: 'user', parts: [{ type: 'text', text: 'Hello there' }] }] });
    expect(request.headers['x-rill-stream-id']).toBe(lastMessage(id).streamId);

    await request.text('Echo:');
    expect(lastMessage(id)).toMatchObject({ role: 'assistant', text: 'Echo:', status: 'streaming' });
    await request.text(' Hello', ' there');
    await request.finish({ model: 'fake-large', outputTokens: 3 });
    expect(lastMessage(id)).toMatchObject({ text: 'Echo: Hello there', status: 'done', metadata: { model: 'fake-large', outputTokens: 3 } });
    expect(lastMessage(id).streamId).toBeUndefined();
    expect(chat().stream).toBeNull();
  });

  it('a second message while one streams is not sent', async () => {
    const { id, request } = await sendNew('first');
    expect(chat().send(id, 'second')).toBeUndefined();
    await request.text('Echo:');
    await request.finish();
    expect(server.requests).toHaveLength(1);
    expect(messagesOf(id).map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('stop keeps the text, marks the answer stopped and tells the server to end it', async () => {
    const { id, request } = await sendNew('long one');
    await request.text('Half of');
    const streamId = lastMessage(id).streamId!;
    chat().stop();
    await server.settle();
    expect(request.signal.aborted).toBe(true);
    expect(lastMessage(id)).toMatchObject({ text: 'Half of', status: 'stopped' });
    expect(await server.next()).toMatchObject({ url: `/api/answers/${streamId}`, method: 'DELETE' });
    expect(chat().stream).toBeNull();
  });

  it('an error keeps the partial text with its code; Retry answers the same history again', async () => {
    const { id, request } = await sendNew('question');
    await request.text('Partial');
    await request.cut();
    expect(lastMessage(id)).toMatchObject({ text: 'Partial', status: 'error', error: { code: 'interrupted' } });

    chat().regenerate(id, lastMessage(id).id);
    const retry = await server.next();
    expect(retry.body).toMatchObject({ messages: [{ role: 'user', parts: [{ text: 'question' }] }] });
    await retry.respond(429, { error: 'Too many requests', code: 'rate_limited', retryAfter: 5 });
    expect(messagesOf(id)).toHaveLength(2);
    expect(lastMessage(id)).toMatchObject({ text: '', status: 'error', error: { code: 'rate_limited', retryAfter: 5 } });
  });

  it('editing a message keeps the earlier one, and what came after it, as a version the model then gets', async () => {
    const { id, request } = await sendNew('first question');
    await request.text('first answer');
    await request.finish();
    chat().send(id, 'second question');
    const second = await server.next();
    await second.text('second answer');
    await second.finish();

    const firstQuestion = messagesOf(id)[0]!;
    chat().editAndResend(id, firstQuestion.id, 'better question');
    const edited = await server.next();
    expect(edited.body).toMatchObject({ messages: [{ role: 'user', parts: [{ text: 'better question' }] }] });
    expect((edited.body as { messages: unknown[] }).messages).toHaveLength(1);
    await edited.text('better answer');
    await edited.finish();
    expect(messagesOf(id).map((message) => message.text)).toEqual(['better question', 'better answer']);
    expect(messagesOf(id)[0]!.versions?.index).toBe(1);

    chat().showVersion(id, messagesOf(id)[0]!.id, 1);
    expect(messagesOf(id).map((message) => message.text)).toEqual(['first question', 'first answer', 'second question', 'second answer']);
    chat().send(id, 'third question');
    const third = await server.next();
    expect((third.body as { messages: { parts: { text: string }[] }[] }).messages.map((message) => message.parts[0]!.text)).toEqual([
      'first question',
      'first answer',
      'second question',
      'second answer',
      'third question',
    ]);
    await third.finish();
  });

  it('regenerating keeps the earlier answer as a version; no version switch while that conversation streams', async () => {
    const { id, request } = await sendNew('question');
    await request.text('first try');
    await request.finish();
    chat().regenerate(id, lastMessage(id).id);
    const again = await server.next();
    await again.text('second try');
    const answer = lastMessage(id);
    chat().showVersion(id, answer.id, 1);
    expect(lastMessage(id).text).toBe('second try');
    await again.finish();

    chat().showVersion(id, answer.id, 1);
    expect(messagesOf(id).map((message) => message.text)).toEqual(['question', 'first try']);
    expect(lastMessage(id).versions).toMatchObject({ index: 0, others: [[{ text: 'second try' }]] });
  });

  it('after a reload, an answer still streaming is resumed: what was shown is kept, the rest appended once', async () => {
    const conversation = {
      id: 'c1',
      title: 'Saved',
      createdAt: 1,
      updatedAt: 1,
      settings: {},
      messages: [
        { id: 'u1', role: 'user' as const, text: 'go on', createdAt: 1 },
        { id: 'a1', role: 'assistant' as const, text: 'Echo: go', createdAt: 1, status: 'streaming' as const, streamId: 'stream-1234' },
      ],
    };
    useChatStore.setState({ conversations: { c1: conversation } });
    chat().resumeInterrupted();
    const resumed = await server.next();
    expect(resumed).toMatchObject({ url: '/api/answers/stream-1234', method: 'GET' });
    // The server replays the answer from its first token.
    await resumed.text('Echo:', ' go', ' on');
    expect(lastMessage('c1')).toMatchObject({ text: 'Echo: go on', status: 'streaming' });
    await resumed.finish();
    expect(lastMessage('c1')).toMatchObject({ text: 'Echo: go on', status: 'done' });
  });

  it('an answer the server no longer has is kept as it was, marked interrupted', async () => {
    useChatStore.setState({
      conversations: {
        c2: { id: 'c2', title: 'Old', createdAt: 1, updatedAt: 1, settings: {}, messages: [{ id: 'a', role: 'assistant', text: 'Part', createdAt: 1, status: 'streaming', streamId: 'gone-1234' }] },
      },
    });
    chat().resumeInterrupted();
    await (await server.next()).respond(204);
    expect(lastMessage('c2')).toMatchObject({ text: 'Part', status: 'error', error: { code: 'interrupted' } });
  });

  it('deleting the conversation an answer streams into stops it', async () => {
    const { id, request } = await sendNew('doomed');
    await request.text('Some');
    chat().remove(id);
    await server.settle();
    expect(request.signal.aborted).toBe(true);
    expect(chat().conversations[id]).toBeUndefined();
    expect(chat().deleted?.id).toBe(id);
    expect(chat().undoRemove()).toBe(id);
    expect(lastMessage(id)).toMatchObject({ text: 'Some', status: 'stopped' });
  });
});
