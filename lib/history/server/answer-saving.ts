import 'server-only';
import { attachmentsOf, textOf, type ChatRequest } from '@/lib/chat/request-schema';
import type { Attachment, ChatMessage, ChatSettings } from '@/lib/chat/types';
import { rillConfig } from '@/lib/config';
import { conversationStore, type ConversationStore } from '@/lib/db/conversation-store';
import { keepsHistory } from '@/lib/db/database';
import type { AnswerRun } from '@/lib/server/answer-run';
import type { Requester } from '@/lib/server/requester';

/** How often a streaming answer's new text is written: what a crash can lose at most. */
export const PARTIAL_SAVE_INTERVAL_MS = 1_000;
/**
 * An answer waiting for its next token is written this often all the same: a copy left "streaming"
 * without a write for several of these was left by a server that stopped (the store's streamingGraceMs).
 */
export const STREAMING_HEARTBEAT_MS = 5_000;

export interface AnswerToSave {
  ownerId: string;
  conversation: { id: string; title: string; settings: ChatSettings; createdAt: number };
  /** The turn that asked, saved with the answer: a crash before the browser saves it must not leave an answer to nothing. */
  question: ChatMessage;
  answer: { id: string; createdAt: number };
}

/**
 * Keeps an answer in the database while it streams: the question and the text so far every second,
 * then the answer as it ended (done, stopped or failed, with its metadata). A server killed
 * mid-answer leaves the partial text saved; another device reads it. A failed write is logged and
 * the next one tries again: the answer on screen never waits on the database.
 */
export function saveAnswerAsItStreams(
  run: AnswerRun,
  target: AnswerToSave,
  store: ConversationStore,
  { intervalMs = PARTIAL_SAVE_INTERVAL_MS, heartbeatMs = STREAMING_HEARTBEAT_MS, now = Date.now } = {},
): Promise<void> {
  const { ownerId, conversation, question, answer } = target;
  const where = { conversationId: conversation.id, title: conversation.title, settings: conversation.settings, createdAt: conversation.createdAt };
  let writing: Promise<unknown> = Promise.resolve();
  // What was last written: an answer grows in its text, or first in its reasoning.
  const progress = () => run.text.length + run.reasoning.length;
  let savedProgress = 0;
  let savedAt = now();
  const write = (message: ChatMessage, withQuestion: boolean) => {
    savedProgress = progress();
    savedAt = now();
    writing = writing
      // Only the first write makes the conversation: one deleted while its answer streams stays deleted.
      .then(() => store.saveMessages(ownerId, where, withQuestion ? [question, message] : [message], { createIfMissing: withQuestion }))
      .catch((error: unknown) => console.error('An answer could not be saved:', error instanceof Error ? error.message : String(error)));
    return writing;
  };
  const streamingCopy = (): ChatMessage => ({
    id: answer.id,
    role: 'assistant',
    text: run.text,
    ...(run.reasoning ? { reasoning: run.reasoning } : {}),
    createdAt: answer.createdAt,
    updatedAt: now(),
    status: 'streaming',
  });

  void write(streamingCopy(), true);
  const timer = setInterval(() => {
    if (progress() !== savedProgress || now() - savedAt >= heartbeatMs) void write(streamingCopy(), false);
  }, intervalMs);
  timer.unref();

  return run.outcome.then(({ fold }) => {
    clearInterval(timer);
    const end = run.abandoned && !fold.error ? ({ status: 'stopped' } as const) : fold.end();
    const final: ChatMessage = { ...streamingCopy(), status: end.status, metadata: fold.metadata };
    if (end.status === 'error') final.error = end.error;
    return write(final, false).then(() => undefined);
  });
}

/**
 * The chat route's `onAnswer`: saves the answer for whoever owns the conversation (an account, or a
 * guest with a cookie), when the browser said where (`save`) and the deployment keeps history.
 */
export function saveChatAnswer(request: ChatRequest, run: AnswerRun, { requester }: { requester: Requester }): void {
  const { id: conversationId, save } = request;
  const question = request.messages.at(-1);
  if (!save || !conversationId || !requester.ownerId || !question || !keepsHistory(rillConfig())) return;
  const { ownerId } = requester;
  const { model, system, temperature, maxOutputTokens } = request;
  void conversationStore().then(
    (store) =>
      saveAnswerAsItStreams(
        run,
        {
          ownerId,
          conversation: { id: conversationId, title: save.title, settings: { model, system, temperature, maxOutputTokens }, createdAt: save.conversationCreatedAt },
          question: { id: question.id, role: 'user', text: textOf(question), createdAt: save.answerCreatedAt, ...withAttachments(attachmentsOf(question)) },
          answer: { id: save.answerId, createdAt: save.answerCreatedAt },
        },
        store,
      ),
    (error: unknown) => console.error('An answer could not be saved:', error instanceof Error ? error.message : String(error)),
  );
}

/** A message without files has no `attachments` field, as the browser keeps it: the two copies compare equal. */
function withAttachments(attachments: Attachment[]): Pick<ChatMessage, 'attachments'> {
  return attachments.length > 0 ? { attachments } : {};
}
