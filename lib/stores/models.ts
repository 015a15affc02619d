import { create } from 'zustand';
import type { ModelList } from '@/lib/ai/model-list';
import type { PublicModelInfo } from '@/lib/ai/public-model-info';
import type { VoiceCapabilities } from '@/lib/voice/capabilities';

interface LoadedOnce<T> {
  data: T | null;
  failed: boolean;
  /** Fetches it unless it is already here; a failure can be tried again. */
  load: () => Promise<void>;
}

/** A store for something the server knows and a page needs once: fetched on first use, then kept. */
function loadedOnce<T>(url: string) {
  return create<LoadedOnce<T>>()((set, get) => ({
    data: null,
    failed: false,
    load: async () => {
      if (get().data) return;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(String(response.status));
        set({ data: (await response.json()) as T, failed: false });
      } catch {
        set({ failed: true });
      }
    },
  }));
}

/** Which model answers, for the header badge and defaults: mode and name, never a key. */
export const useModelInfo = loadedOnce<PublicModelInfo & { voice: VoiceCapabilities }>('/api/model');

/** The models the server offers for the chat's picker. */
export const useModelChoices = loadedOnce<ModelList>('/api/models');
