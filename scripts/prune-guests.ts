// The entry of `npm run prune-guests` and of the Docker image's `node prune-guests.mjs`, both bundled
// from here by scripts/bundle-prune-guests.mjs.
import { existsSync } from 'node:fs';
import { pruneGuestsCommand } from '@/lib/history/server/prune-guests-command';

// The settings `next dev` reads, so the command finds the same database (DATABASE_URL). A variable
// already set wins, then .env.local over .env, as in Next; the image has neither file.
for (const file of ['.env.local', '.env']) if (existsSync(file)) process.loadEnvFile(file);

// exit rather than exitCode: nothing left open (a pool's timer) may keep the command from ending.
process.exit(await pruneGuestsCommand(process.argv.slice(2), process.env));
