import { readFileSync } from 'node:fs';

/** Resident memory of a process from /proc, in bytes: now (VmRSS) and the peak so far (VmHWM). */
export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Samples RSS every `intervalMs` until stopped; the peak also covers spikes between samples (VmHWM). */
export function sampleMemory(pid, intervalMs = 100) {
  const samples = [];
  const take = () => samples.push({ at: performance.now(), ...processMemory(pid) });
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { samples, peak: Math.max(...samples.map((s) => s.peak)) };
    },
  };
}

export const mib = (bytes) => bytes / 2 ** 20;
