import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { repoRoot } from './repo.mjs';

/** What the figures were measured on; ratios travel between machines, absolute times do not. */
export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
    commit: gitCommit(),
  };
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export const describeMachine = (m) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 16).replace('T', ' ')} UTC (load at start ${m.loadAverageAtStart.join(' ')})`;
