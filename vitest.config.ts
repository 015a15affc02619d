import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // lib/server marks itself server-only for Next's bundler; under Vitest it is plain Node code.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'e2e/fake-upstream/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    environment: 'node',
  },
});
