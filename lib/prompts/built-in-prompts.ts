import type { SavedPrompt } from './saved-prompt';

/**
 * The prompts every user has, listed after their own in the `/` menu. They cannot be deleted; a
 * saved prompt with the same name takes a built-in's place ("Copy" in the manager starts one).
 */
export const builtInPrompts: readonly SavedPrompt[] = [
  {
    id: 'built-in:summarise',
    name: 'Summarise',
    text: 'Summarise the text below in a few short bullet points, keeping names, numbers and decisions:\n\n',
  },
  {
    id: 'built-in:explain-code',
    name: 'Explain code',
    text: 'Explain what this code does, step by step, and point out anything surprising or likely to be a bug:\n\n',
  },
  {
    id: 'built-in:translate',
    name: 'Translate to…',
    text: 'Translate the text below into [language]. Keep its meaning, tone and formatting; do not add explanations:\n\n',
  },
  {
    id: 'built-in:proofread',
    name: 'Proofread',
    text: 'Proofread the text below: correct spelling, grammar and punctuation without changing its meaning or voice, then list what you changed:\n\n',
  },
  {
    id: 'built-in:shorten',
    name: 'Make it shorter',
    text: 'Rewrite the text below to about half its length, keeping every point that matters and its tone:\n\n',
  },
  {
    id: 'built-in:reply',
    name: 'Draft a reply',
    text: 'Draft a polite, concise reply to the message below. Answer every question it asks, and mark with [brackets] anything I need to fill in:\n\n',
  },
].map((prompt) => ({ ...prompt, updatedAt: 0 }));

export function isBuiltIn(prompt: Pick<SavedPrompt, 'id'>): boolean {
  return prompt.id.startsWith('built-in:');
}
