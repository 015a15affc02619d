import { create } from 'zustand';
import { errorFromResponse, type RillError } from '@/lib/errors';
import type { UsageSnapshot } from '@/lib/observability/usage-snapshot';

interface UsageState {
  snapshot: UsageSnapshot | null;
  /** The last refresh's failure; the last good snapshot stays on screen meanwhile. */
  error: RillError | null;
  refresh: () => Promise<void>;
}

/** The usage page's view of `/api/usage`, refreshed by polling. */
export const useUsage = create<UsageState>()((set) => ({
  snapshot: null,
  error: null,
  refresh: async () => {
    try {
      const response = await fetch('/api/usage', { cache: 'no-store' });
      if (!response.ok) return set({ error: await errorFromResponse(response) });
      set({ snapshot: (await response.json()) as UsageSnapshot, error: null });
    } catch {
      set({ error: { code: 'network', message: 'Could not reach the server; showing the last figures.' } });
    }
  },
}));
