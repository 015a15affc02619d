// Fault-injection directives, written as [[name args]] inside the last user
// message. Living in the message (not in headers or server state) lets any
// client, including a person typing into the chat UI, trigger them, and makes
// them apply to one request only.

const DIRECTIVE = /\[\[\s*([a-z0-9-]+)(?:\s+(.*?))?\s*\]\]/gis;

const ERROR_STATUSES = new Set([401, 404, 429, 500]);

/**
 * @param {string} text
 * @returns {{ directives: Record<string, any>, cleanText: string }}
 */
export function parseDirectives(text) {
  /** @type {Record<string, any>} */
  const d = {};
  const cleanText = text
    .replace(DIRECTIVE, (whole, rawName, rawArgs = '') => {
      const name = rawName.toLowerCase();
      const args = rawArgs.trim();
      const int = () => {
        const n = Number.parseInt(args, 10);
        return Number.isFinite(n) && n >= 0 ? n : undefined;
      };

      if (/^\d+$/.test(name) && ERROR_STATUSES.has(Number(name))) {
        d.status = Number(name);
        const retry = /retry\s*=\s*(\d+)/i.exec(args);
        if (retry) d.retryAfter = Number(retry[1]);
      } else if (name === 'stream-error' && ERROR_STATUSES.has(Number(args))) {
        // The error as some OpenAI-compatible servers send it: inside an HTTP 200 stream.
        d.streamError = Number(args);
      } else if (name === 'no-finish') {
        // The stream ends ([DONE]) without a finish_reason, as a server cut short might.
        d.noFinish = true;
      } else if (name === 'fail-once' && ERROR_STATUSES.has(Number(args))) {
        d.failOnce = Number(args);
      } else if (name === 'cut' && int() !== undefined) {
        d.cut = int();
      } else if (name === 'slow' && int() !== undefined) {
        d.slow = int();
      } else if (name === 'stall-headers' && int() !== undefined) {
        d.stallHeaders = int();
      } else if (name === 'hold' && int() !== undefined) {
        // May appear more than once: one stop at each count.
        d.holds = [...(d.holds ?? []), int()].sort((a, b) => a - b);
      } else if (name === 'pace' && int() !== undefined) {
        d.pace = int();
      } else if (name === 'long' && int() !== undefined) {
        d.long = int();
      } else if ((name === 'bench-markdown' || name === 'bench-plain') && int() !== undefined) {
        d.bench = { kind: name === 'bench-markdown' ? 'markdown' : 'plain', tokens: int() };
      } else if (name === 'think' && int() !== undefined) {
        // N tokens of reasoning in <think> tags before the answer, as DeepSeek-R1 and Qwen send it through Ollama or vLLM.
        // `[[think N hidden]]`: reasoning as OpenAI's o-series does it over Chat Completions, never
        // sent, only waited for and reported in usage (completion_tokens_details.reasoning_tokens).
        d.think = int();
        if (/\bhidden\b/i.test(args)) d.thinkHidden = true;
      } else if (name === 'markdown') {
        d.markdown = true;
      } else if (name === 'replies') {
        // `[[replies A || B]]`: the first request carrying it answers A, the next B (the last repeats),
        // for a feature whose second call sends the first call's text along (translation alternatives).
        d.replies = { key: rawArgs, texts: rawArgs.split('||').map((text) => text.trim()) };
      } else if (name === 'reply') {
        // Keep the original spacing of TEXT: the test asked for it exactly.
        d.reply = rawArgs;
      } else {
        // Not ours: leave it in the text so typos are visible in the echo.
        return whole;
      }
      return '';
    })
    // Removing a directive from the middle of a sentence leaves a double space.
    .replace(/[ \t]{2,}/g, ' ')
    .trim();

  return { directives: d, cleanText };
}
