import { expect, test } from 'vitest';
import type { RealtimeItem } from '@openai/agents-realtime';
import { voiceTurnsOf } from './voice-turns';

const user = (itemId: string, transcript: string | null, status: 'in_progress' | 'completed' = 'completed'): RealtimeItem => ({
  itemId,
  type: 'message',
  role: 'user',
  status,
  content: [{ type: 'input_audio', transcript }],
});
const assistant = (itemId: string, transcript: string, status: 'in_progress' | 'completed' | 'incomplete'): RealtimeItem => ({
  itemId,
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'output_audio', transcript }],
});

test('spoken turns become messages in order, by their transcripts', () => {
  expect(voiceTurnsOf([user('u1', ' Hello there. '), assistant('a1', 'Hi! How can I help?', 'completed')])).toEqual([
    { itemId: 'u1', role: 'user', text: 'Hello there.', state: 'done' },
    { itemId: 'a1', role: 'assistant', text: 'Hi! How can I help?', state: 'done' },
  ]);
});

test('a transcript still to come, an answer being spoken and an interrupted answer are told apart', () => {
  expect(voiceTurnsOf([user('u1', null), assistant('a1', 'Sure, the', 'in_progress')]).map((turn) => turn.state)).toEqual(['live', 'live']);
  expect(voiceTurnsOf([assistant('a1', 'Sure, the', 'incomplete')])[0]!.state).toBe('cut');
});

test('system items and tool calls are not messages', () => {
  const system: RealtimeItem = { itemId: 's', type: 'message', role: 'system', content: [{ type: 'input_text', text: 'x' }] };
  const call = { itemId: 'f', type: 'function_call', status: 'completed', arguments: '{}', name: 'f', output: null } as unknown as RealtimeItem;
  expect(voiceTurnsOf([system, call])).toEqual([]);
});
