import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

interface PreferencesState {
  theme: ThemeChoice;
  setTheme: (theme: ThemeChoice) => void;
}

export const usePreferences = create<PreferencesState>()(
  persist((set) => ({ theme: 'system', setTheme: (theme) => set({ theme }) }), {
    name: 'rill-preferences',
    storage: createJSONStorage(() => localStorage),
    skipHydration: true,
  }),
);
