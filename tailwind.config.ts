import type { Config } from 'tailwindcss';

export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: '#0e7490', light: '#67e8f9', dark: '#155e75' },
      },
      borderRadius: { bubble: '1.25rem' },
    },
  },
  plugins: [],
} satisfies Config;
