import 'server-only';
import { sharedAccounts, type RequestOwner } from '@/lib/accounts/server/accounts';
import { NoServerStore, ownerRequest, type OwnerServices } from '@/lib/accounts/server/owner-request';
import { rillConfig, type AttachmentConfig } from '@/lib/config';
import { keepsHistory } from '@/lib/db/database';
import { processSingleton } from '@/lib/process-singleton';
import { bodyTooSlow, readBodyWithin } from '@/lib/server/json-request';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import { CONTENT_ID_PATTERN } from '../content-id';
import { ATTACHMENT_HEADER, noFilesMessage, type AttachmentRules } from '../rules';
import { humanSize } from '../sizes';
import { attachmentStore, type AttachmentStore } from '@/lib/db/attachment-store';
import { checkUpload } from './upload-check';

export interface AttachmentServices extends OwnerServices<AttachmentStore, RequestOwner> {
  config: AttachmentConfig;
  /** Whether there is somewhere to keep files (a database). */
  enabled: boolean;
  bodyTimeoutMs: number;
}

const unavailableMessage = 'Files cannot be kept just now: the server’s database could not be reached. Try again in a moment.';

function defaultServices(): AttachmentServices {
  return processSingleton('attachment-services', () => {
    const config = rillConfig();
    const enabled = keepsHistory(config);
    return {
      store: enabled ? attachmentStore : () => Promise.reject(new NoServerStore(noFilesMessage)),
      ownerOf: async (request) => (await (await sharedAccounts()).ownerOf(request, { newGuest: true }))!,
      limits: pipelineServices().limits,
      config: config.attachments,
      enabled,
      bodyTimeoutMs: config.pipeline.bodyTimeoutMs,
    };
  });
}

/** GET /api/attachments — the limits the composer checks before anything is uploaded. */
export function attachmentRulesRoute(services: () => AttachmentServices = defaultServices) {
  return function GET(): Response {
    const { config, enabled } = services();
    const rules: AttachmentRules = { ...config, enabled: enabled && config.perMessage > 0 };
    return Response.json(rules, { headers: { 'cache-control': 'no-store' } });
  };
}

/**
 * POST /api/attachments — keeps one file's body for its owner: the bytes as the body
 * (application/octet-stream), what the message names it by in the `x-attachment` header. The
 * body is read as a stream and refused (413) once it passes the limit.
 */
export function uploadAttachmentRoute(services: () => AttachmentServices = defaultServices) {
  return async function POST(request: Request): Promise<Response> {
    const current = services();
    const { config } = current;
    return ownerRequest(request, current, { expectsJson: false, unavailable: unavailableMessage }, async (store, { ownerId }) => {
      // Allowing ~100 KB/s: a 10 MB file over a slow line must not be cut off by the JSON routes' wait.
      const timeoutMs = current.bodyTimeoutMs * Math.max(1, Math.ceil(config.maxBytes / (1024 * 1024)));
      const body = await readBodyWithin(request, config.maxBytes + config.maxTextChars * 4, timeoutMs);
      if (body === 'too-slow') return bodyTooSlow(timeoutMs);
      if (body === undefined) return jsonError(413, `Files may be at most ${humanSize(config.maxBytes)}.`);
      const checked = checkUpload(request.headers.get(ATTACHMENT_HEADER), body, config);
      if (!checked.ok) return jsonError(checked.status, checked.message, checked.code ? { code: checked.code } : {});
      await store.put(ownerId, checked.attachment);
      const { body: _body, ...attachment } = checked.attachment;
      return Response.json({ attachment }, { status: 201 });
    });
  };
}

type AttachmentParams = { params: Promise<{ attachmentId: string }> };

/**
 * GET /api/attachments/:id — the owner's copy of a body (the message view's fallback when this
 * browser has none). An id is its content, so the answer never changes: the browser may keep it.
 */
export function attachmentBodyRoute(services: () => AttachmentServices = defaultServices) {
  return async function GET(request: Request, { params }: AttachmentParams): Promise<Response> {
    const { attachmentId } = await params;
    return ownerRequest(request, services(), { expectsJson: false, unavailable: unavailableMessage }, async (store, { ownerId }) => {
      if (!CONTENT_ID_PATTERN.test(attachmentId)) return jsonError(400, 'An attachment id is the SHA-256 of its body, in lowercase hex.');
      const [found] = await store.get(ownerId, [attachmentId]);
      if (!found) return jsonError(404, 'This file is not kept on the server (it may have been deleted with its account, or never uploaded).', { code: 'bad_request' });
      return new Response(found.body as Uint8Array<ArrayBuffer>, {
        headers: {
          'content-type': found.kind === 'image' ? found.mediaType : 'text/plain; charset=utf-8',
          'content-length': String(found.body.byteLength),
          'cache-control': 'private, max-age=31536000, immutable',
          'x-content-type-options': 'nosniff',
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(found.name)}`,
        },
      });
    });
  };
}
