/**
 * What the offline demo model says. It cannot understand language, so it never pretends to: every
 * answer says what it is and how to connect a real model, and is useful within that (it explains
 * Rill, reflects the structure of what was written, and shows the markdown renderer on request).
 */
export interface OfflineConversation {
  /** Text of the newest user message. */
  lastUserText: string;
  /** How many user turns the model received, counting the newest. */
  userTurns: number;
  /** Whether a system prompt was sent along. */
  hasSystemPrompt: boolean;
  /** Files attached to the newest message: each text file's text, or an image's media type. */
  files?: ReceivedFile[];
}

export interface ReceivedFile {
  name: string;
  bytes: number;
  text?: string;
  mediaType?: string;
}

const CONNECT_HINT =
  'To get real answers, set `OPENAI_API_KEY` (OpenAI) or `OPENAI_BASE_URL` (Ollama, vLLM, LM Studio, ' +
  'llama.cpp or any OpenAI-compatible server) in `.env.local` and restart Rill.';

export function offlineAnswer(conversation: OfflineConversation): string {
  const text = conversation.lastUserText.trim();
  if (conversation.files?.length) return receivedFiles(text, conversation.files);
  if (/\b(markdown|sample|demo|table|code ?block)\b/i.test(text)) return markdownSample();
  if (/\b(rill|who are you|what are you|help|connect|api key|set ?up|model)\b/i.test(text)) return aboutRill();
  return reflect(text, conversation);
}

function aboutRill(): string {
  return [
    "I'm Rill's **offline demo model**: a small built-in program, not a language model. I run inside the",
    'Rill server with no network and no account, so a fresh checkout works at once.',
    '',
    'Rill itself streams model answers token by token to three pages:',
    '',
    '- **Chat**: conversations with full context, stop, regenerate and edit.',
    '- **Translate**: translation as you type.',
    '- **Collaborate**: many prompts streaming side by side, in rooms others can join.',
    '',
    CONNECT_HINT,
  ].join('\n');
}

function reflect(text: string, conversation: OfflineConversation): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines = text.split('\n').filter((line) => line.trim()).length;
  const firstLine = text.split('\n')[0] ?? '';
  const quoted = firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine;
  const turn =
    conversation.userTurns > 1
      ? `This is turn ${conversation.userTurns} of our conversation; Rill sent me all ${conversation.userTurns} of your messages and my earlier answers as context.`
      : 'This is the first turn of our conversation.';
  return [
    "I'm the **offline demo model** built into Rill, so I can't understand or answer that — but I did receive it:",
    '',
    `> ${quoted || '(an empty message)'}`,
    '',
    `That is ${words.length} ${words.length === 1 ? 'word' : 'words'} on ${lines} ${lines === 1 ? 'line' : 'lines'}. ${turn}` +
      (conversation.hasSystemPrompt ? ' A system prompt came with it.' : ''),
    '',
    'Ask me for a "markdown sample" to see how answers render, or "what is Rill?".',
    '',
    CONNECT_HINT,
  ].join('\n');
}

/** Says plainly which files arrived and what their text begins with: it cannot read them. */
function receivedFiles(text: string, files: ReceivedFile[]): string {
  const lines = [
    `I'm the **offline demo model** built into Rill, so I can't read files — but I did receive ${files.length === 1 ? 'this one' : `these ${files.length}`}:`,
    '',
  ];
  for (const file of files) {
    const size = `${file.bytes.toLocaleString('en')} ${file.bytes === 1 ? 'byte' : 'bytes'}`;
    if (file.text === undefined) {
      lines.push(`- **${file.name}** (${file.mediaType ?? 'a file'}, ${size}): an image, which I cannot see.`);
      continue;
    }
    const firstLines = file.text.split('\n').filter((line) => line.trim()).slice(0, 3);
    lines.push(`- **${file.name}** (${size} of text), beginning:`);
    for (const line of firstLines) lines.push(`  > ${line.length > 120 ? `${line.slice(0, 117)}…` : line}`);
  }
  lines.push('');
  if (text) lines.push(`Your message with ${files.length === 1 ? 'it' : 'them'}: "${text.length > 120 ? `${text.slice(0, 117)}…` : text}"`, '');
  lines.push(CONNECT_HINT);
  return lines.join('\n');
}

function markdownSample(): string {
  return [
    '## Markdown sample (offline demo model)',
    '',
    'This is a fixed sample showing how Rill renders answers: **bold**, *italic*, ~~struck~~ and `inline code`.',
    '',
    '1. Numbered lists',
    '2. With several items',
    '',
    '- [x] Task lists',
    '- [ ] Still to do',
    '',
    '```ts',
    'async function streamAnswer(prompt: string) {',
    "  const response = await fetch('/api/chat', { method: 'POST', body: prompt });",
    '  for await (const chunk of response.body!) console.log(chunk);',
    '}',
    '```',
    '',
    '| Page | What it streams |',
    '| --- | --- |',
    '| Chat | Answers |',
    '| Translate | Translations |',
    '',
    CONNECT_HINT,
  ].join('\n');
}
