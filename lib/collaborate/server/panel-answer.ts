import 'server-only';
import { streamAnswer } from '@/lib/ai/answer-stream';
import { DEFAULT_SYSTEM_PROMPT } from '@/lib/ai/prompts';
import { resolveModel } from '@/lib/ai/provider';
import type { PanelSettings } from '../panel';

/** One panel's answer: its prompt as a single user turn, to the model and with the settings it names. */
export function panelAnswer(settings: PanelSettings, abortSignal: AbortSignal) {
  return streamAnswer({
    model: resolveModel(settings.model || undefined),
    instructions: settings.system?.trim() || DEFAULT_SYSTEM_PROMPT,
    messages: [{ role: 'user', content: settings.prompt }],
    temperature: settings.temperature,
    abortSignal,
  });
}
