/**
 * PCM16 as the Realtime API carries it over a WebSocket (24 kHz, mono, little-endian), and the level
 * meter's loudness. Pure, so the audio path is testable without a browser.
 */
export const REALTIME_SAMPLE_RATE = 24_000;

/** Float samples in [-1, 1] as 16-bit integers, clipping what lies outside. */
export function floatToPcm16(samples: Float32Array): ArrayBuffer {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out.buffer;
}

/** 16-bit samples as floats, for Web Audio playback. */
export function pcm16ToFloat(buffer: ArrayBuffer): Float32Array {
  const samples = new Int16Array(buffer, 0, Math.floor(buffer.byteLength / 2));
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! / 0x8000;
  return out;
}

/**
 * How loud a stretch of samples is, 0 to 1, for the meter: RMS on a logarithmic scale from −60 dBFS
 * (silence) to 0 dBFS, as level meters show it, so quiet speech still moves the bar.
 */
export function meterLevel(samples: Float32Array | Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    // An AnalyserNode's byte time-domain data centres silence on 128.
    const value = samples instanceof Uint8Array ? (samples[i]! - 128) / 128 : samples[i]!;
    sum += value * value;
  }
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (db + 60) / 60));
}
