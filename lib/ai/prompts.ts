/** What the model is told when the user set no system prompt of their own (chat and Collaborate panels). */
export const DEFAULT_SYSTEM_PROMPT = 'You are Rill, a helpful assistant. Answer clearly; use Markdown where it helps.';
