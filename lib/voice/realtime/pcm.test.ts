import { expect, test } from 'vitest';
import { floatToPcm16, meterLevel, pcm16ToFloat } from './pcm';

test('float samples round-trip through PCM16, clipped at full scale', () => {
  const pcm = new Int16Array(floatToPcm16(new Float32Array([0, 0.5, -0.5, 1, -1, 2, -2])));
  expect([...pcm]).toEqual([0, 16384, -16384, 32767, -32768, 32767, -32768]);
  const back = pcm16ToFloat(pcm.buffer);
  expect(back[1]).toBeCloseTo(0.5, 3);
  expect(back[4]).toBe(-1);
});

test('the meter reads silence as 0, full scale as 1, and quiet speech well above 0', () => {
  expect(meterLevel(new Float32Array(480))).toBe(0);
  expect(meterLevel(new Float32Array(480).fill(1))).toBe(1);
  const quiet = Float32Array.from({ length: 480 }, (_, i) => 0.03 * Math.sin(i / 3));
  expect(meterLevel(quiet)).toBeGreaterThan(0.3);
  expect(meterLevel(quiet)).toBeLessThan(0.6);
  // Byte time-domain data from an AnalyserNode: 128 is silence.
  expect(meterLevel(new Uint8Array(64).fill(128))).toBe(0);
});
