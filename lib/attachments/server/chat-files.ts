import 'server-only';
import { attachmentsOf, textOf, type ChatRequest } from '@/lib/chat/request-schema';
import type { ChatToAnswer } from '@/lib/chat/server/chat-answer';
import { rillConfig, type AttachmentConfig, type ModelConfig } from '@/lib/config';
import { attachmentStore, type AttachmentStore, type StoredAttachment } from '@/lib/db/attachment-store';
import { keepsHistory } from '@/lib/db/database';
import type { ParsedRequest } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import type { Requester } from '@/lib/server/requester';
import { hasImage } from '../kinds';
import { cannotReadImages, noFilesMessage, readsImages, tooMany } from '../rules';
import { turnWithFiles } from './model-content';


export interface ChatFilesDependencies {
  store: () => Promise<AttachmentStore>;
  attachments: AttachmentConfig;
  model: Pick<ModelConfig, 'mode' | 'defaultModel'>;
  /** Whether this deployment keeps files at all. */
  enabled: boolean;
}

function defaults(): ChatFilesDependencies {
  const config = rillConfig();
  return { store: attachmentStore, attachments: config.attachments, model: config.model, enabled: keepsHistory(config) };
}

/**
 * The chat route's `prepare`: each message as the turn the model gets, with every file the
 * conversation names read for the requester. Refused with a 4xx that says what to do, never dropped
 * in silence: too many files on the newest message, an image for a model that reads text only, a
 * file the server does not have.
 */
export async function withChatFiles(request: ChatRequest, requester: Pick<Requester, 'ownerId'>, dependencies: ChatFilesDependencies = defaults()): Promise<ParsedRequest<ChatToAnswer>> {
  const named = request.messages.flatMap((message) => (message.role === 'user' ? attachmentsOf(message) : []));
  if (named.length === 0) return { ok: true, data: withTurns(request, new Map()) };
  const refuse = (status: number, message: string, code?: 'too_large' | 'unsupported_media_type' | 'unavailable') => ({ ok: false as const, response: jsonError(status, message, code ? { code } : {}) });

  const { attachments, model } = dependencies;
  const newest = attachmentsOf(request.messages.at(-1)!);
  const many = tooMany(0, newest.length, attachments.perMessage);
  if (many) return refuse(400, many);
  const modelId = request.model ?? model.defaultModel;
  if (hasImage(named) && !readsImages(attachments, modelId)) return refuse(400, cannotReadImages(model.mode === 'offline' ? 'The offline demo model' : modelId), 'unsupported_media_type');
  if (!dependencies.enabled) return refuse(400, noFilesMessage);
  if (!requester.ownerId) return refuse(400, 'The files in this conversation cannot be read without the guest cookie or session that uploaded them: reload the page and attach them again.');

  let stored: StoredAttachment[];
  try {
    stored = await (await dependencies.store()).get(requester.ownerId, named.map((attachment) => attachment.id));
  } catch {
    return refuse(503, 'The files in this conversation could not be read just now: the server’s database is unreachable. Try again in a moment.', 'unavailable');
  }
  const files = new Map(stored.map((file) => [file.id, file]));
  const missing = named.find((attachment) => !files.has(attachment.id));
  if (missing) return refuse(400, `${missing.name} is not on the server (it was never uploaded, or was deleted): remove it and attach it again.`);
  return { ok: true, data: withTurns(request, files) };
}

/** Each message as the turn the model gets, its files' text and images in it. */
function withTurns(request: ChatRequest, files: ReadonlyMap<string, StoredAttachment>): ChatToAnswer {
  return { ...request, turns: request.messages.map((message) => turnWithFiles(message.role, textOf(message), message.role === 'user' ? attachmentsOf(message) : [], files)) };
}
