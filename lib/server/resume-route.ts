import 'server-only';
import { UI_MESSAGE_STREAM_HEADERS } from 'ai';
import { STREAM_ID_HEADER, STREAM_ID_PATTERN } from '@/lib/protocol/stream-id';
import { codeForStatus } from '@/lib/errors';
import { clientOf, ownedByClient } from './client-identity';
import { jsonError, jsonOnFailure } from './json-response';
import { pipelineServices, type PipelineServices } from './pipeline-services';
import { requestEvents } from './request-events';
import { refusedBeforeBudget } from './request-guard';

type Params = { params: Promise<{ streamId: string }> };

/**
 * GET /api/answers/:streamId — an answer this client started with a stream id, from its first chunk
 * and live while it lasts, in the same UI message stream protocol. 204 when there is none (it ended
 * long ago, never existed, or is another client's), as the AI SDK's resume pattern expects.
 */
export function resumeAnswerRoute(services: () => PipelineServices = pipelineServices) {
  return jsonOnFailure(async function GET(request: Request, { params }: Params): Promise<Response> {
    const { limits, resumable } = services();
    const startedAt = performance.now();
    const clientHash = clientOf(request);
    const end = (response: Response) => {
      const status = response.status;
      requestEvents.emit({
        type: 'request-end',
        summary: { requestId: crypto.randomUUID(), route: 'resume', status, clientHash, durationMs: performance.now() - startedAt, source: 'none', errorCode: status >= 400 ? codeForStatus(status) : undefined },
      });
      return response;
    };
    const overBudget = await limits.admitRequest(clientHash);
    if (overBudget) return end(jsonError(429, overBudget.message, { code: 'rate_limited', retryAfter: overBudget.retryAfter }));
    const { streamId } = await params;
    if (!STREAM_ID_PATTERN.test(streamId)) return end(jsonError(400, 'That is not a stream id.'));
    const stream = await resumable.resume(ownedByClient(clientHash, streamId));
    if (!stream) return end(new Response(null, { status: 204 }));
    return end(new Response(stream, { headers: { ...UI_MESSAGE_STREAM_HEADERS, [STREAM_ID_HEADER]: streamId } }));
  });
}

/** DELETE /api/answers/:streamId — the user pressed Stop: end the upstream call of this client's answer now instead of keeping it for a reload. */
export function stopAnswerRoute(services: () => PipelineServices = pipelineServices) {
  return jsonOnFailure(async function DELETE(request: Request, { params }: Params): Promise<Response> {
    const refused = refusedBeforeBudget(request, { expectsJson: false });
    if (refused) return refused;
    const { streamId } = await params;
    if (!STREAM_ID_PATTERN.test(streamId)) return jsonError(400, 'That is not a stream id.');
    await services().resumable.stop(ownedByClient(clientOf(request), streamId));
    return new Response(null, { status: 204 });
  });
}
