export interface ExamplePrompt {
  title: string;
  prompt: string;
}

/** What a new chat suggests when a real model answers. */
export const modelExamples: ExamplePrompt[] = [
  { title: 'Explain a concept', prompt: 'Explain how HTTP streaming works, with a short example.' },
  { title: 'Write some code', prompt: 'Write a TypeScript function that debounces another function, with a usage example.' },
  { title: 'Plan something', prompt: 'Plan a three-day trip to Lisbon as a table: day, morning, afternoon, evening.' },
  { title: 'Improve a text', prompt: 'Make this clearer and friendlier: "Your request could not be processed at this time."' },
];

/**
 * What it suggests with the offline demo model, which understands no language: only what it does
 * well (lib/ai/offline-answers.ts), so a first run never begins with "I can't answer that".
 */
export const offlineExamples: ExamplePrompt[] = [
  { title: 'See answers render', prompt: 'Show me a markdown sample: a heading, a list, a code block and a table.' },
  { title: 'Meet Rill', prompt: 'What is Rill, and what can its pages do?' },
  { title: 'Connect a real model', prompt: 'How do I connect a real model (OpenAI, Ollama or another server)?' },
  { title: 'Watch it stream', prompt: 'Stream a demo answer so I can try Stop and Regenerate.' },
];
