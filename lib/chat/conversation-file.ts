import { z } from '@/lib/zod';
import { errorTitle } from '@/lib/errors';
import { conversationSchema } from './conversation-schema';
import { attachmentSchema } from './request-schema';
import type { Attachment, ChatMessage, Conversation } from './types';

/**
 * The JSON file "Export all" writes and "Import" reads back.
 * v1: the conversations. v2: and the bodies of their attached files (base64, by attachment id).
 */
export const CONVERSATION_FILE_FORMAT = 'rill-conversations';
export const CONVERSATION_FILE_VERSION = 2;

/** An attached file's body in an exported file: text bodies are UTF-8 too. */
export type ExportedAttachment = Attachment & { body: string };

const conversationFileSchema = z.object({
  format: z.literal(CONVERSATION_FILE_FORMAT),
  version: z.union([z.literal(1), z.literal(CONVERSATION_FILE_VERSION)]),
  exportedAt: z.string().optional(),
  conversations: z.array(conversationSchema),
  attachments: z
    .record(z.string(), attachmentSchema.extend({ body: z.base64({ error: 'expected the file body in base64' }) }))
    .refine((bodies) => Object.entries(bodies).every(([id, attachment]) => attachment.id === id), 'each attached file is filed under its own id')
    .optional(),
});

export function conversationsToJson(conversations: Conversation[], now = new Date(), attachments: ExportedAttachment[] = []): string {
  const file: z.infer<typeof conversationFileSchema> = {
    format: CONVERSATION_FILE_FORMAT,
    version: CONVERSATION_FILE_VERSION,
    exportedAt: now.toISOString(),
    conversations,
    ...(attachments.length > 0 ? { attachments: Object.fromEntries(attachments.map((attachment) => [attachment.id, attachment])) } : {}),
  };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; conversations: Conversation[]; attachments?: ExportedAttachment[] } | { ok: false; error: string };

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
  const attachments = Object.values(parsed.data.attachments ?? {});
  return attachments.length > 0 ? { ok: true, conversations, attachments } : { ok: true, conversations };
}

/** Every file the conversations' messages name (their other versions' too), each once. */
export function attachmentsIn(conversations: readonly Conversation[]): Attachment[] {
  const found = new Map<string, Attachment>();
  const visit = (messages: readonly ChatMessage[]) => {
    for (const message of messages) {
      for (const attachment of message.attachments ?? []) found.set(attachment.id, attachment);
      for (const other of message.versions?.others ?? []) visit(other);
    }
  };
  for (const conversation of conversations) visit(conversation.messages);
  return [...found.values()];
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
