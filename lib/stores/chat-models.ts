import { create } from 'zustand';

export interface ModelChoices {
  defaultModel: string;
  models: string[];
  allowCustom: boolean;
}

interface ChatModelsState {
  choices: ModelChoices | null;
  failed: boolean;
  load: () => Promise<void>;
}

/** The models the server offers for the picker (GET /api/models), loaded once per page. */
export const useChatModels = create<ChatModelsState>()((set, get) => ({
  choices: null,
  failed: false,
  load: async () => {
    if (get().choices) return;
    try {
      const response = await fetch('/api/models');
      if (!response.ok) throw new Error(String(response.status));
      set({ choices: (await response.json()) as ModelChoices, failed: false });
    } catch {
      set({ failed: true });
    }
  },
}));
