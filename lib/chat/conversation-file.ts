import { z } from '@/lib/zod';
import { errorTitle } from '@/lib/errors';
import { conversationSchema } from './conversation-schema';
import type { Conversation } from './types';

/** The JSON file "Export all" writes and "Import" reads back. */
export const CONVERSATION_FILE_FORMAT = 'rill-conversations';
export const CONVERSATION_FILE_VERSION = 1;

const conversationFileSchema = z.object({
  format: z.literal(CONVERSATION_FILE_FORMAT),
  version: z.literal(CONVERSATION_FILE_VERSION),
  exportedAt: z.string().optional(),
  conversations: z.array(conversationSchema),
});

export function conversationsToJson(conversations: Conversation[], now = new Date()): string {
  const file: z.infer<typeof conversationFileSchema> = {
    format: CONVERSATION_FILE_FORMAT,
    version: CONVERSATION_FILE_VERSION,
    exportedAt: now.toISOString(),
    conversations,
  };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; conversations: Conversation[] } | { ok: false; error: string };

/** Reads an exported file. All or nothing: one bad conversation rejects the whole file. */
export function parseConversationFile(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file made by "Export all".' };
  }
  const parsed = conversationFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    return { ok: false, error: `This is not a Rill conversations file${where}: ${issue?.message ?? 'unexpected content'}.` };
  }
  // A conversation exported mid-answer is imported as stopped: nothing is streaming into it now.
  const conversations = parsed.data.conversations.map((conversation) => ({
    ...conversation,
    messages: conversation.messages.map((message) => (message.status === 'streaming' ? { ...message, status: 'stopped' as const } : message)),
  }));
  return { ok: true, conversations };
}

/** One conversation as a readable Markdown document. */
export function conversationToMarkdown(conversation: Conversation): string {
  const lines = [`# ${conversation.title}`, ''];
  if (conversation.settings.system?.trim()) lines.push(`> System prompt: ${conversation.settings.system.trim().replace(/\n/g, '\n> ')}`, '');
  for (const message of conversation.messages) {
    lines.push(message.role === 'user' ? '## You' : `## Rill${message.metadata?.model ? ` (${message.metadata.model})` : ''}`, '');
    if (message.text) lines.push(message.text, '');
    if (message.status === 'stopped') lines.push('_(stopped)_', '');
    if (message.error) lines.push(`_${errorTitle(message.error)}: ${message.error.message}_`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A file name from a title: letters, digits and dashes only. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${base || 'conversation'}.${extension}`;
}
