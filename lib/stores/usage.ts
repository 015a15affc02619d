import { create } from 'zustand';
import { errorFromResponse, type RillError } from '@/lib/errors';
import { sameTraffic, type UsageSnapshot } from '@/lib/usage/usage-snapshot';

interface UsageState {
  /** Replaced only when the traffic changed, so the charts redraw only then. */
  snapshot: UsageSnapshot | null;
  /** When the server last answered, ms since the epoch. */
  updatedAt: number | null;
  /** The last refresh's failure; the last good snapshot stays on screen meanwhile. */
  error: RillError | null;
  refresh: () => Promise<void>;
}

/** The usage page's view of `/api/usage`, refreshed by polling. */
export const useUsage = create<UsageState>()((set, get) => ({
  snapshot: null,
  updatedAt: null,
  error: null,
  refresh: async () => {
    try {
      const response = await fetch('/api/usage', { cache: 'no-store' });
      if (!response.ok) return set({ error: await errorFromResponse(response) });
      const snapshot = (await response.json()) as UsageSnapshot;
      set(sameTraffic(get().snapshot, snapshot) ? { updatedAt: snapshot.now, error: null } : { snapshot, updatedAt: snapshot.now, error: null });
    } catch {
      set({ error: { code: 'network', message: 'Could not reach the server; showing the last figures.' } });
    }
  },
}));
