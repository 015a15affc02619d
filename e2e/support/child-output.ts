import type { ChildProcess } from 'node:child_process';

export interface ChildOutput {
  /** Everything the process printed so far (stdout and stderr), line by line. */
  lines: string[];
  /**
   * Resolves when the process prints a line matching `pattern` (at once if it already has). Rejects
   * if it exits first, or after `timeoutMs`, with what it printed: a server saying it is ready is
   * what the tests wait for, never a fixed delay.
   */
  waitFor: (pattern: RegExp, what: string, timeoutMs?: number) => Promise<void>;
}

/** Collects a spawned process's output (its stdout and stderr must be pipes). */
export function watchOutput(child: ChildProcess): ChildOutput {
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
      listeners.forEach((listener) => listener());
    });
  }

  const waitFor = (pattern: RegExp, what: string, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const printed = () => `\n${lines.join('\n')}`;
      const finish = (error?: Error) => {
        listeners.delete(check);
        child.off('exit', onExit);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => lines.some((line) => pattern.test(line)) && finish();
      const onExit = (code: number | null) => finish(new Error(`${what} exited with ${code} before it was ready:${printed()}`));
      const timer = setTimeout(() => finish(new Error(`${what} was not ready within ${timeoutMs} ms:${printed()}`)), timeoutMs);
      listeners.add(check);
      child.once('exit', onExit);
      check();
      if (child.exitCode !== null) onExit(child.exitCode);
    });

  return { lines, waitFor };
}
