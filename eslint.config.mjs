import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

/** Next's recommended rules (React, hooks with the React Compiler checks, a11y, imports) and its TypeScript rules. */
const config = [
  { ignores: ['**/.next/**', '.ci/**', '.scratch/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**'] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // Names starting with _ are deliberately unused (a destructured field left out of a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
];

export default config;
