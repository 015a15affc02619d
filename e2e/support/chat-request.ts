/** A minimal valid /api/chat body with one user message. */
export function chatRequestBody(text: string) {
  return { messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] };
}

/** The answer text in a UI message stream body: its text deltas joined. */
export function streamedText(body: string): string {
  return [...body.matchAll(/^data: (\{.*\})$/gm)]
    .map((match) => JSON.parse(match[1] ?? '{}') as { type?: string; delta?: string })
    .filter((chunk) => chunk.type === 'text-delta')
    .map((chunk) => chunk.delta)
    .join('');
}

/** Posts one chat message to `baseURL` and reads the whole streamed answer. */
export async function streamChat(baseURL: string, text: string): Promise<{ status: number; requestId: string | null; body: string }> {
  const response = await fetch(`${baseURL}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatRequestBody(text)) });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.text() };
}
