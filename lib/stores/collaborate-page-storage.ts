import type { Board } from '@/lib/collaborate/board';
import type { RunStream } from '@/lib/collaborate/panel';
import type { RunRecord } from '@/lib/collaborate/run-log';
import { createThrottledStorage } from './throttled-storage';

/** A Collaborate page as this browser keeps it across reloads: its panels, the answers they show, and the figures of its runs. */
export interface SavedPage {
  board: Board;
  streams: Record<string, RunStream>;
  runLog: RunRecord[];
}

const KEY = 'rill-collaborate-page';
const VERSION = 1;

// Throttled: a streaming answer changes the page per token.
const storage = createThrottledStorage<SavedPage>();

export function savePage(page: SavedPage): void {
  void storage.setItem(KEY, { state: page, version: VERSION });
}

/** The page saved last, or null when there is none (or it is from another version, or damaged). */
export function loadPage(): SavedPage | null {
  try {
    const saved = storage.getItem(KEY) as { state?: SavedPage; version?: number } | null;
    const page = saved?.version === VERSION ? saved.state : undefined;
    return page && Array.isArray(page.board?.panels) && typeof page.streams === 'object' && Array.isArray(page.runLog) ? page : null;
  } catch {
    return null;
  }
}
