import 'server-only';
import { identifyRequester } from '@/lib/accounts/server/identify-requester';
import { codeForStatus } from '@/lib/errors';
import { clientOf } from '@/lib/server/client-identity';
import { jsonError } from '@/lib/server/json-response';
import { pipelineServices } from '@/lib/server/pipeline-services';
import type { ClientLimits, StreamAdmission } from '@/lib/server/rate-limit';
import { requestEvents, type RequestSummary } from '@/lib/server/request-events';
import { refusedBeforeBudget } from '@/lib/server/request-guard';
import { signedOutResponse, type IdentifyRequester, type Requester } from '@/lib/server/requester';

export interface VoiceAdmissionServices {
  limits: ClientLimits;
  identify: IdentifyRequester;
}

export const defaultVoiceAdmission = (): VoiceAdmissionServices => ({ limits: pipelineServices().limits, identify: identifyRequester });

/**
 * One voice request's way through Rill's admission, the same as every model call's: same-site
 * request, the client's request budget, then (`stream`) a stream slot and the daily quota. Every
 * request ends in one `request-end` event, so voice shows in the logs, metrics and usage page.
 */
export class VoiceRequest {
  readonly requestId = crypto.randomUUID();
  readonly summary: RequestSummary;
  private readonly startedAt = performance.now();
  private ended = false;

  constructor(
    readonly request: Request,
    route: string,
    private readonly services: VoiceAdmissionServices,
  ) {
    this.summary = { requestId: this.requestId, route, status: 200, clientHash: clientOf(request), durationMs: 0, source: 'upstream' };
  }

  /** The requester, or the response that refuses the request before its body is read. */
  async admit({ expectsJson }: { expectsJson: boolean }): Promise<Requester | Response> {
    const refused = refusedBeforeBudget(this.request, { expectsJson });
    if (refused) return this.end(refused);
    const requester = await this.services.identify(this.request);
    if (requester.signedOut) return this.end(signedOutResponse(requester.signedOut));
    const over = await this.services.limits.admitRequest(requester.limitKey);
    if (over) return this.end(jsonError(429, over.message, { code: 'rate_limited', retryAfter: over.retryAfter }), { rateLimited: over.reason });
    return requester;
  }

  /** A stream slot and the quota's reservation, or the 429 that refuses them. */
  async stream(requester: Requester): Promise<StreamAdmission | Response> {
    const admission = await this.services.limits.admitStream(requester.limitKey);
    if ('reason' in admission) return this.end(jsonError(429, admission.message, { code: 'rate_limited', retryAfter: admission.retryAfter }), { rateLimited: admission.reason });
    return admission;
  }

  /** Records how the request ended (once) and returns its response. */
  end(response: Response, extra: Partial<RequestSummary> = {}): Response {
    if (this.ended) return response;
    this.ended = true;
    const failed = response.status >= 400;
    Object.assign(this.summary, { status: response.status, durationMs: performance.now() - this.startedAt, ...(failed ? { errorCode: codeForStatus(response.status), source: 'none' } : {}) }, extra);
    requestEvents.emit({ type: 'request-end', summary: this.summary });
    return response;
  }
}
