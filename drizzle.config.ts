import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate`: compares lib/db/schema.ts and auth-schema.ts with the migrations so far and writes the next one. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./lib/db/schema.ts', './lib/db/auth-schema.ts'],
  out: './lib/db/migrations',
});
