import { create } from 'zustand';
import type { PublicModelInfo } from '@/lib/ai/model-config';

interface ModelInfoState {
  info: PublicModelInfo | null;
  failed: boolean;
  load: () => Promise<void>;
}

/** Which model answers, as the server reports it; loaded once per page. */
export const useModelInfo = create<ModelInfoState>()((set, get) => ({
  info: null,
  failed: false,
  load: async () => {
    if (get().info) return;
    try {
      const response = await fetch('/api/model');
      if (!response.ok) throw new Error(String(response.status));
      set({ info: (await response.json()) as PublicModelInfo, failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));
