/**
 * Facts about one answer that the server sends alongside its text (shown per message, and measured).
 * Checked by hand, not with a schema library: every page reads metadata as answers stream, and a
 * schema library would weigh on each page's first load.
 */
export interface AnswerMetadata {
  model?: string;
  /** Milliseconds from the request reaching the server to the first token. */
  ttftMs?: number;
  durationMs?: number;
  /**
   * As the provider reported them; counted from the text when it reported none (an answer stopped or
   * cut short, a server that sends no usage). Absent when the answer never began: never a made-up 0.
   */
  inputTokens?: number;
  /** Every token the model generated, its reasoning (hidden or shown) included: what it is billed and charged for. */
  outputTokens?: number;
  /**
   * How many of `outputTokens` were reasoning, a part of them and never to be added to them: as the
   * provider reported it (OpenAI's o-series, whose reasoning is hidden), else, for reasoning shown in
   * the answer's stream, its output less the answer's text counted. Absent when the model did not
   * reason or nothing tells how much.
   */
  reasoningTokens?: number;
  finishReason?: string;
  /** How long the model thought out loud before it answered (reasoning models). */
  reasoningMs?: number;
  /** Older turns left out to fit the model's input budget. */
  trimmedMessages?: number;
  cached?: boolean;
  /** Translation: the language code the model found the source text to be in (source 'auto'). */
  detectedLanguage?: string;
}

const numberFields = ['ttftMs', 'durationMs', 'reasoningMs', 'inputTokens', 'outputTokens', 'reasoningTokens', 'trimmedMessages'] as const;
const stringFields = ['model', 'finishReason', 'detectedLanguage'] as const;

/** The known, well-typed fields of `value`; undefined when it is not an object. Unknown fields are dropped. */
export function readMetadata(value: unknown): AnswerMetadata | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  const metadata: AnswerMetadata = {};
  for (const name of numberFields) {
    const field = fields[name];
    if (typeof field === 'number' && Number.isFinite(field)) metadata[name] = field;
  }
  for (const name of stringFields) {
    const field = fields[name];
    if (typeof field === 'string') metadata[name] = field;
  }
  if (typeof fields.cached === 'boolean') metadata.cached = fields.cached;
  return metadata;
}

/** Every token an answer cost, in and out: what its client's daily quota is charged (reasoning is within the output). */
export function tokensSpent(metadata: AnswerMetadata): number {
  return (metadata.inputTokens ?? 0) + (metadata.outputTokens ?? 0);
}
