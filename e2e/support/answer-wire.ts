import type { AnswerMetadata } from '../../lib/protocol/metadata';

/** What a UI message stream body (SSE) said: its text, metadata and whether it ended properly. */
export function readAnswerWire(body: string) {
  const chunks = body
    .split('\n\n')
    .filter((event) => event.startsWith('data: {'))
    .map((event) => JSON.parse(event.slice('data: '.length)) as { type: string; delta?: string; messageMetadata?: AnswerMetadata; errorText?: string });
  return {
    text: chunks.map((chunk) => (chunk.type === 'text-delta' ? chunk.delta : '')).join(''),
    metadata: chunks.find((chunk) => chunk.type === 'finish')?.messageMetadata,
    error: chunks.find((chunk) => chunk.type === 'error')?.errorText,
    finished: chunks.some((chunk) => chunk.type === 'finish') && body.includes('data: [DONE]'),
  };
}

/** Reads a streaming response until its body contains `needle`, then returns what arrived so far. */
export async function readUntil(response: Response, needle: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(needle)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}
