import { authRoute } from '@/lib/accounts/server/auth-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = authRoute();
export { handle as GET, handle as POST };
