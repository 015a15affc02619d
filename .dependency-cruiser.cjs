/**
 * Which way imports may go (`npm run check:imports`, part of `npm test`). From the top down:
 *
 *   app ─▶ components ─▶ lib/stores ─▶ lib/client, lib/<feature>          (the browser side)
 *   app ─▶ lib/<feature>/server ─▶ lib/server, lib/ai ─▶ lib/config      (the server side)
 *          lib/<feature>/server ─▶ lib/db ─▶ lib/config, lib/chat's types and schemas
 *   and everyone ─▶ lib/protocol, lib/errors.ts, lib/process-singleton.ts
 *
 * No folder may import one above it, and no two folders may import each other.
 */
const browser = '^(components|lib/stores|lib/client|lib/(chat|translate|collaborate|usage|share|prompts|attachments|arena|voice)/[^/]+$)';
const serverOnly = '^(lib/server|lib/ai|lib/observability|lib/db|lib/config(-fields)?\\.ts|lib/(chat|translate|collaborate|accounts|history|share|prompts|attachments|arena|voice)/server)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Two modules that import each other cannot be read, or tested, one at a time.', from: {}, to: { circular: true } },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Two folders that import each other are one folder in two places.',
      scope: 'folder',
      from: { path: '^(app|components|lib)' },
      to: { circular: true },
    },
    {
      name: 'browser-not-server',
      severity: 'error',
      comment: 'Code that runs in the browser must not pull in server code (keys, Redis, Node APIs). Types are fine.',
      from: { path: browser },
      to: { path: serverOnly, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'base-imports-nothing-above',
      severity: 'error',
      comment: 'The protocol, errors, zod and the singleton helper are the base everyone stands on.',
      from: { path: '^lib/(protocol/|errors\\.ts|process-singleton\\.ts|zod\\.ts)' },
      to: { path: '^(app|components|lib/(?!protocol/|errors\\.ts|zod\\.ts))' },
    },
    {
      name: 'config-imports-nothing-above',
      severity: 'error',
      from: { path: '^lib/config(-fields)?\\.ts$' },
      to: { path: '^(app|components|lib/(?!process-singleton\\.ts|zod\\.ts|config-fields\\.ts))' },
    },
    {
      name: 'model-layer-is-low',
      severity: 'error',
      comment: 'lib/ai decides which model answers; it knows nothing of routes, features or pages.',
      from: { path: '^lib/ai/' },
      to: { path: '^(app|components|lib/(server|observability|stores|client|chat|translate|collaborate|attachments)/)' },
    },
    {
      name: 'pipeline-knows-no-feature',
      severity: 'error',
      comment: 'lib/server is the plumbing every feature uses; it knows no feature and no model.',
      from: { path: '^lib/server/' },
      to: { path: '^(app|components|lib/(ai|observability|stores|client|chat|translate|collaborate|attachments)/)' },
    },
    {
      name: 'database-knows-no-route',
      severity: 'error',
      comment: 'lib/db keeps what the features store, in the shapes lib/chat defines; it knows no route, pipeline, model or page.',
      from: { path: '^lib/db/' },
      to: { path: '^(app|components|lib/(server|ai|observability|stores|client|translate|collaborate|usage|accounts)/|lib/[^/]+/server/)' },
    },
    {
      name: 'lib-not-ui',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-not-routes',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests are leaves: they may reach anything they need to set up, and nothing imports them.
    exclude: { path: ['^(node_modules|\\.next|\\.ci|bench|e2e|test-results)', '\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
