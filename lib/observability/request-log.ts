import type { RequestSummary } from '@/lib/server/request-events';

/** The fields of one request's log line: what an operator needs, and never a prompt unless asked. */
export function requestLogFields(summary: RequestSummary, { logContent }: { logContent: boolean }) {
  const { content, ...facts } = summary;
  return {
    ...facts,
    ttftMs: roundMs(facts.ttftMs),
    durationMs: roundMs(facts.durationMs),
    // The pipeline fills `content` only when RILL_LOG_CONTENT=1; checking again here means a future
    // caller that fills it by mistake still cannot put prompts into production logs.
    ...(logContent && content ? { content } : {}),
  };
}

export function requestLogMessage(summary: RequestSummary): string {
  const outcome = summary.aborted ? 'aborted' : summary.errorCode ? summary.errorCode : 'ok';
  return `${summary.route} ${summary.status} ${outcome} in ${Math.round(summary.durationMs)} ms`;
}

function roundMs(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}
